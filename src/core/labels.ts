import { z } from 'zod';
import type { Program } from './program.ts';

/** Exactly one status label is on a request at a time; see DESIGN.md. */
export const STATUSES = ['pending', 'saved', 'invalid', 'active', 'declined', 'withdrawn', 'expired', 'completed', 'ended'] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

export const REQUEST_LABEL = 'request';
/** On a partnership in its notice period after /end. */
export const ENDING_LABEL = 'ending';

export function statusLabel(s: Status): string {
  return `status:${s}`;
}
/** Every status label but this one: what a change to `keep` removes, so a request never has two. */
export function otherStatusLabels(keep: Status): string[] {
  return STATUSES.filter((s) => s !== keep).map(statusLabel);
}

export function mentorLabel(login: string): string {
  return `mentor:${login.toLowerCase()}`;
}

export function statusOf(labels: readonly string[]): Status | undefined {
  for (const l of labels) {
    if (!l.startsWith('status:')) continue;
    const parsed = statusSchema.safeParse(l.slice('status:'.length));
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

export function mentorOf(labels: readonly string[]): string | undefined {
  return labels.find((l) => l.startsWith('mentor:'))?.slice('mentor:'.length);
}

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

const STATUS_SPECS: Record<Status, Omit<LabelSpec, 'name'>> = {
  pending: { color: 'fbca04', description: 'Request waiting for the mentor to answer' },
  saved: { color: 'c5def5', description: 'Mentor saved the request for later' },
  invalid: { color: 'e99695', description: 'Request needs a fix; see the bot comment' },
  active: { color: '0e8a16', description: 'Accepted: an active mentoring partnership' },
  declined: { color: 'd4c5f9', description: 'Mentor declined the request' },
  withdrawn: { color: 'ededed', description: 'Mentee withdrew the request' },
  expired: { color: 'bfbfbf', description: 'Request expired without an answer' },
  completed: { color: '1d76db', description: 'Partnership finished its term' },
  ended: { color: '5319e7', description: 'Partnership ended early' },
};

/** On a mentor's check-in issue (are you still mentoring?); see freshness.ts. */
export const FRESHNESS_LABEL = 'freshness';
/** Applied by the "Report a concern" issue form. */
export const REPORT_LABEL = 'report';
/** Applied by the "Become a mentor" issue form (onboarding.ts). */
export const APPLICATION_LABEL = 'mentor-application';
/** On a peer group's issue, which the bot opens from a cohort's matches file (peer-group.ts); not a request. */
export const PEER_GROUP_LABEL = 'peer-group';
/**
 * Applied by the cohort application forms (cohort-forms.ts), with the cohort's `cohort:<id>`. Not `mentor:…`:
 * that namespace names a request's mentor.
 */
export const COHORT_MENTEE_LABEL = 'cohort-mentee';
export const COHORT_MENTOR_LABEL = 'cohort-mentor';
export const COHORT_LABEL_COLOR = 'd4c5f9';

/**
 * Every label whose name is fixed, in the order `npm run labels` lists them. The one definition of their colours
 * and descriptions: the bot (labelSpec), the label sync (programLabels) and the tests all read it.
 */
export const FIXED_LABELS: readonly LabelSpec[] = [
  { name: REQUEST_LABEL, color: '0052cc', description: 'A mentee’s request for a mentor' },
  ...STATUSES.map((s) => ({ name: statusLabel(s), ...STATUS_SPECS[s] })),
  { name: ENDING_LABEL, color: 'f9d0c4', description: 'Partnership ending: notice given with /end' },
  { name: FRESHNESS_LABEL, color: 'c2e0c6', description: 'Asks a mentor to confirm or pause their profile' },
  { name: REPORT_LABEL, color: 'b60205', description: 'A concern reported to the program committee' },
  { name: APPLICATION_LABEL, color: '0e8a16', description: 'An application to become a mentor' },
  { name: PEER_GROUP_LABEL, color: 'bfd4f2', description: 'A peer mentoring group of a cohort' },
  { name: COHORT_MENTEE_LABEL, color: 'fef2c0', description: 'A mentee’s application to a cohort (npm run match reads it)' },
  { name: COHORT_MENTOR_LABEL, color: 'c5def5', description: 'A mentor’s application to a cohort (npm run match reads it)' },
];

export const MENTOR_LABEL_COLOR = 'bfdadc';

export function mentorLabelSpec(login: string): LabelSpec {
  const name = mentorLabel(login);
  return { name, color: MENTOR_LABEL_COLOR, description: `Requests addressed to @${name.slice('mentor:'.length)}` };
}

/** `cohort:<id>`: on a cohort's applications, and on the partnerships matched from them. */
export function cohortLabelSpec(id: string): LabelSpec {
  return { name: `cohort:${id}`, color: COHORT_LABEL_COLOR, description: `Cohort ${id}: applications and partnerships` };
}

/** Colour and description for a label the bot creates on demand. */
export function labelSpec(name: string): LabelSpec {
  const fixed = FIXED_LABELS.find((l) => l.name === name);
  if (fixed) return { ...fixed };
  if (name.startsWith('mentor:')) return { ...mentorLabelSpec(name.slice('mentor:'.length)), name };
  if (name.startsWith('cohort:')) return cohortLabelSpec(name.slice('cohort:'.length));
  return { name, color: 'ededed', description: '' };
}

/**
 * Every label the program uses: the fixed ones, one `cohort:<id>` per cohort in program.yml (in its order: an
 * issue form applies only labels that exist), then one `mentor:<login>` per profile (by login).
 */
export function programLabels(program: Program, mentors: readonly { github: string }[]): LabelSpec[] {
  const seen = new Set<string>();
  const mentorSpecs = mentors
    .map((m) => mentorLabelSpec(m.github))
    .filter((l) => !seen.has(l.name) && seen.add(l.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...FIXED_LABELS.map((l) => ({ ...l })), ...program.cohorts.map((c) => cohortLabelSpec(c.id)), ...mentorSpecs];
}

/** Names in the program's namespaces: a label like this that programLabels does not list is reported, never deleted. */
export function looksLikeProgramLabel(name: string): boolean {
  return /^(status|mentor):/i.test(name);
}

// ── Label sync (npm run labels) ──────────────────────────────────────────────────────────────────────────

/** A label as the repository has it (GitHub's description may be null). */
export interface ExistingLabel {
  name: string;
  color: string;
  description: string | null;
}

export type LabelChange =
  | { action: 'create'; spec: LabelSpec }
  /** `current` is the repository's name for it: GitHub matches names ignoring case, so a rename may fix the case. */
  | { action: 'update'; spec: LabelSpec; current: ExistingLabel; changes: ('name' | 'color' | 'description')[] }
  | { action: 'unchanged'; spec: LabelSpec }
  /** In the program's namespaces but not in the definition: reported, left alone. */
  | { action: 'unknown'; current: ExistingLabel };

/** What it takes to make the repository's labels match the definition. Pure; deletes nothing. */
export function planLabelSync(wanted: readonly LabelSpec[], existing: readonly ExistingLabel[]): LabelChange[] {
  const byName = new Map(existing.map((l) => [l.name.toLowerCase(), l]));
  const plan: LabelChange[] = wanted.map((spec): LabelChange => {
    const current = byName.get(spec.name.toLowerCase());
    if (!current) return { action: 'create', spec };
    const changes: ('name' | 'color' | 'description')[] = [];
    if (current.name !== spec.name) changes.push('name');
    if (current.color.toLowerCase().replace(/^#/, '') !== spec.color.toLowerCase()) changes.push('color');
    if ((current.description ?? '') !== spec.description) changes.push('description');
    return changes.length ? { action: 'update', spec, current, changes } : { action: 'unchanged', spec };
  });
  const known = new Set(wanted.map((l) => l.name.toLowerCase()));
  const unknown = existing
    .filter((l) => looksLikeProgramLabel(l.name) && !known.has(l.name.toLowerCase()))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...plan, ...unknown.map((current): LabelChange => ({ action: 'unknown', current }))];
}

/** How GitHub makes a label it creates because it was applied by name: grey (`ededed`) and without a description. */
export function looksAsGitHubCreatesIt(l: { color?: string | null; description?: string | null }): boolean {
  return (l.color ?? '').toLowerCase().replace(/^#/, '') === 'ededed' && !l.description;
}

/**
 * The program's labels that still look as GitHub makes a label it creates on first use (grey, no description):
 * the daily sweep gives them theirs. A run that applied such a label and stopped before colouring it, on an issue
 * it also closed, leaves it to nobody else. Labels a maintainer restyled, and missing ones, are not the sweep's.
 */
export function planLabelRepairs(wanted: readonly LabelSpec[], existing: readonly ExistingLabel[]): Extract<LabelChange, { action: 'update' }>[] {
  return planLabelSync(wanted, existing).filter((c): c is Extract<LabelChange, { action: 'update' }> => c.action === 'update' && looksAsGitHubCreatesIt(c.current) && !c.changes.includes('name'));
}
