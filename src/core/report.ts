import { emptyDecision, marker, type Decision } from './decision.ts';
import type { Program } from './program.ts';
import { moderatorsOf, reportLink } from './safety.ts';

/**
 * `/report [reason]`: a Code of Conduct report made in a thread. The report's words must not stay public, so the
 * comment goes; the moderators are pinged with a link and nothing else; the words go only to the private repository
 * when one is configured. Anyone may report, in any state of the thread, open or closed.
 */

export interface ReportInput {
  program: Program;
  /** owner/repo of the thread. */
  repository: string;
  issue: { number: number; url: string; locked: boolean };
  reporter: string;
  /** The comment carrying /report: it is deleted, and its id keys everything so a re-run repeats nothing. */
  comment: { id: number; body: string; createdAt: string };
  /** Whether the run can reach the private repository (its token is set). */
  canFile: boolean;
}

export interface ReportPlan {
  /** The comment to delete first, so the report's words are public for as short a time as possible. */
  deleteComment: number;
  /** The private repository's issue, when one is configured and its token set. `marker` finds it again on a re-run. */
  file?: { repository: string; title: string; body: string; marker: string };
  /** The moderators' ping in the thread: a link, no words, no reporter. */
  ping: Decision;
  lock: boolean;
  notes: string[];
}

export const reportKey = (repository: string, number: number, commentId: number) =>
  `${repository.replace(/[^A-Za-z0-9._-]/g, '.')}.${number}.c${commentId}`;

export function decideReport(input: ReportInput): ReportPlan {
  const { program, issue, reporter, comment } = input;
  const mods = moderatorsOf(program);
  const repo = program.safety.report.repository;
  const filed = Boolean(repo && input.canFile);
  // Public Actions logs carry the notes: no reporter, no words.
  const notes = [`/report on #${issue.number}: comment ${comment.id} deleted, moderators pinged${filed ? `, filed in ${repo}` : ''}${program.safety.lock_on_report ? ', conversation locked' : ''}.`];
  if (repo && !input.canFile) {
    notes.push(`safety.report.repository is ${repo} but the secret ${program.safety.report.token_secret} is empty in this run, so the report was not filed there; the moderators' ping still went out. Add the secret (docs/security.md, “Reporting”).`);
  }
  const ping = emptyDecision(issue.number);
  ping.comments.push({ kind: 'report', key: `${issue.number}.c${comment.id}`, mode: 'once', body: reportPingComment(program, mods, issue.url, filed) });
  ping.notes.push(notes[0]!);
  const key = reportKey(input.repository, issue.number, comment.id);
  return {
    deleteComment: comment.id,
    ...(filed
      ? {
          file: {
            repository: repo!,
            title: `Report on ${input.repository}#${issue.number}`,
            marker: marker('report', key),
            body: privateReportBody({ ...input, moderators: mods, key }),
          },
        }
      : {}),
    ping,
    lock: program.safety.lock_on_report && !issue.locked,
    notes,
  };
}

export function reportPingComment(program: Program, moderators: readonly string[], url: string, filed: boolean): string {
  return [
    `${moderators.map((m) => `@${m}`).join(' ')}: someone reported a concern about this thread under the Code of Conduct: ${url}`,
    '',
    `I removed the report so its words don’t stay public here${filed ? '; the moderators have it in their private repository' : ''}. Moderators: please follow up privately.`,
    '',
    `Anyone with a concern can [report it privately](${reportLink(program)}) or comment \`/report\` here.`,
  ].join('\n');
}

function privateReportBody(i: ReportInput & { moderators: readonly string[]; key: string }): string {
  // The reporter's words are quoted so Markdown in them can't pose as the bot's own text or mention anyone.
  const quoted = i.comment.body.replace(/\r\n?/g, '\n').split('\n').map((l) => `> ${l.replace(/@/g, '@\u200b')}`).join('\n');
  return [
    marker('report', i.key),
    `**Reporter:** @${i.reporter}`,
    `**Thread:** ${i.issue.url}`,
    `**Reported at:** ${i.comment.createdAt}`,
    `**Moderators:** ${i.moderators.map((m) => `@${m}`).join(' ')}`,
    '',
    'The report, as written (the comment was deleted from the public thread):',
    '',
    quoted,
  ].join('\n');
}
