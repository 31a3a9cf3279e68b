import { issueMentee } from '../core/cohort-issues.ts';
import type { Emulator, StateSnapshot } from './emulator/index.ts';

/** What changed on the emulated repository between two snapshots, as readable lines. */
export function describeChanges(before: StateSnapshot, after: StateSnapshot, botLogin: string, maxLines = 8): string[] {
  const lines: string[] = [];
  for (const issue of after.issues) {
    const old = before.issues.find((i) => i.number === issue.number);
    const was = new Set(old?.labels.map((l) => l.name) ?? []);
    const now = new Set(issue.labels.map((l) => l.name));
    const added = [...now].filter((l) => !was.has(l));
    const removed = [...was].filter((l) => !now.has(l));
    if (added.length || removed.length) lines.push(`#${issue.number} labels: ${[...added.map((l) => `+${l}`), ...removed.map((l) => `-${l}`)].join(' ')}`);
    for (const c of issue.comments) {
      const prev = old?.comments.find((o) => o.id === c.id);
      if (prev && prev.body === c.body) continue;
      const who = c.user.login === botLogin ? 'bot' : `@${c.user.login}`;
      lines.push(`#${issue.number} ${who} ${prev ? 'edited its comment' : 'commented'}:`);
      const text = c.body.split('\n').filter((x) => !x.startsWith('<!-- mentorkit:'));
      const shown = text.length > maxLines + 1 ? text.slice(0, maxLines) : text;
      for (const l of shown) lines.push(`    │ ${l}`);
      if (shown.length < text.length) lines.push(`    │ … (${text.length - shown.length} more lines)`);
    }
    if (old && old.state !== issue.state) lines.push(`#${issue.number} ${issue.state}${issue.state_reason ? ` (${issue.state_reason})` : ''}`);
  }
  return lines;
}

export function statusTable(gh: Emulator): string[] {
  const rows = gh.state.issues.map((i) => {
    const names = i.labels.map((l) => l.name);
    // The mentee as the bot reads it: a cohort partnership's is named by the bot's marker, not its author.
    return [`#${i.number}`, `@${issueMentee(i.user.login, i.body, gh.botLogin)}`, names.find((n) => n.startsWith('mentor:'))?.slice(7) ?? '–', names.find((n) => n.startsWith('status:'))?.slice(7) ?? '–', i.state];
  });
  const head = ['issue', 'mentee', 'mentor', 'status', 'state'];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const fmt = (r: string[]) => r.map((c, k) => c.padEnd(widths[k]!)).join('  ');
  return [fmt(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(fmt)];
}
