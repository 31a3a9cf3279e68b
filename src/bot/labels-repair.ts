import { planLabelRepairs, programLabels } from '../core/labels.ts';
import { applyLabelPlan, firstRepoLabels } from '../github/labels.ts';
import type { RunContext } from './context.ts';

/**
 * The end of each daily sweep (requests and profiles): one read of the repository's labels (the first 100), and a
 * write only for a program label GitHub created grey that a run stopped before colouring (planLabelRepairs). A
 * label beyond the first 100 is coloured the next time the bot applies it, as any label that comes back grey is.
 */
export async function repairLabels(ctx: RunContext): Promise<void> {
  const plan = planLabelRepairs(programLabels(ctx.program, [...ctx.mentors.values()]), await firstRepoLabels(ctx.gh, ctx.repo));
  if (!plan.length) return;
  const names = plan.map((c) => c.spec.name).join(', ');
  if (ctx.dryRun) return ctx.log(`[dry-run] colour ${names}: GitHub created them grey and a run stopped before colouring them.`);
  await applyLabelPlan(ctx.gh, ctx.repo, plan);
  ctx.log(`Coloured ${names}: GitHub had created them grey and a run stopped before colouring them.`);
}
