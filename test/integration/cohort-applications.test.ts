import { describe, expect, test } from 'vitest';
import { COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL, labelSpec } from '../../src/core/labels.ts';
import { cohortLabel } from '../../src/core/matching/matches-file.ts';
import { cohortBody } from '../../src/testing/cohort-application-body.ts';
import { BOT_LOGIN } from '../../src/testing/emulator/index.ts';
import { deliver, gh, program, restartEmulator, useEmulator } from './harness.ts';

/**
 * Cohort applications are read by `npm run match`, never by the request bot: filing, editing, commenting on or
 * labelling one changes nothing, even when it (wrongly) carries the `request` label, whose issues the bot answers.
 */

const COHORT = program.cohorts[0]!;
const LABEL = cohortLabel(COHORT.id);
useEmulator({ labels: [labelSpec('request'), labelSpec(LABEL), labelSpec(COHORT_MENTEE_LABEL), labelSpec(COHORT_MENTOR_LABEL)] });

const botWrites = () => gh.calls.filter((c) => c.user === BOT_LOGIN && c.method !== 'GET');
const IGNORED = 'A cohort application: npm run match reads it; the bot leaves it alone.';

describe('the request bot and cohort applications', () => {
  test('a mentee application filed from the form: the bot writes nothing, and says why', async () => {
    const opened = await gh.as('mia-mentee').openIssue({ title: 'Cohort application: mentee', body: cohortBody(program, COHORT, 'mentee'), labels: [LABEL, COHORT_MENTEE_LABEL] });
    const run = await deliver(opened);
    expect(run.stdout).toContain(IGNORED);
    const edited = await gh.as('mia-mentee').editIssue(1, { body: cohortBody(program, COHORT, 'mentee', { topics: ['open-source'] }) });
    expect((await deliver(edited)).stdout).toContain(IGNORED);
    expect(botWrites()).toEqual([]);
    expect(gh.state.issues[0]!.labels.map((l) => l.name).sort()).toEqual([COHORT_MENTEE_LABEL, LABEL].sort());
  });

  test('an application that also carries `request`: commands and status labels on it are not answered', async () => {
    const opened = await gh.as('ada-mentor').openIssue({ title: 'Cohort application: mentor', body: cohortBody(program, COHORT, 'mentor'), labels: [LABEL, COHORT_MENTOR_LABEL, 'request'] });
    expect((await deliver(opened)).stdout).toContain(IGNORED);
    const comment = await gh.as('program-chair').comment(1, '/accept\n/decline');
    expect((await deliver(comment)).stdout).toContain(IGNORED);
    const labelled = await gh.as('program-chair').addLabels(1, ['status:active']);
    expect((await deliver(labelled)).stdout).toContain(IGNORED);
    expect(botWrites()).toEqual([]);
    expect(gh.state.issues[0]!.comments.filter((c) => c.user.login === BOT_LOGIN)).toEqual([]);
  });

  test('recognised by the form’s headings when its labels did not exist yet (the form dropped them)', async () => {
    await restartEmulator({ collaborators: { 'program-chair': 'admin' } });
    const opened = await gh.as('mia-mentee').openIssue({ title: 'Cohort application: mentee', body: cohortBody(program, COHORT, 'mentee'), labels: [LABEL, COHORT_MENTEE_LABEL, 'request'] });
    expect(gh.state.issues[0]!.labels.map((l) => l.name)).toEqual(['request']);
    expect((await deliver(opened)).stdout).toContain(IGNORED);
    const comment = await gh.as('program-chair').comment(1, '/withdraw');
    expect((await deliver(comment)).stdout).toContain(IGNORED);
    expect(botWrites()).toEqual([]);
  });
});
