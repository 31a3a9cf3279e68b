import type { Decision } from '../core/decision.ts';
import { applyLabels } from '../core/decision.ts';
import type { RunContext } from './context.ts';

/** The dry-run output: what would change, and nothing written. */
export function report(ctx: RunContext, d: Decision, currentLabels: string[]): void {
  const next = applyLabels(currentLabels, d);
  ctx.log(`[dry-run] #${d.issue}: ${d.notes.join(' ')}`);
  ctx.log(`[dry-run]   labels: ${currentLabels.join(', ') || '(none)'} -> ${next.join(', ') || '(none)'}`);
  for (const c of d.comments) {
    ctx.log(`[dry-run]   comment ${c.kind}:${c.key} (${c.mode}):`);
    for (const line of c.body.split('\n')) ctx.log(`[dry-run]     | ${line}`);
  }
  if (d.clock) ctx.log(`[dry-run]   clock: ${d.clock.status} since ${d.clock.since}${d.clock.sent.length ? `, sent ${d.clock.sent.join(', ')}` : ''}${d.clock.end ? `, term ends ${d.clock.end}` : ''}${d.clock.ending ? `, ending ${d.clock.ending}` : ''}`);
  if (d.close) ctx.log(`[dry-run]   close as ${d.close.reason}`);
}
