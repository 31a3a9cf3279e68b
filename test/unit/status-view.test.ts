import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { axis, groupedBars } from '../../src/site/charts.ts';
import { consoleView, describeMonths, keyFigures, mentorStatuses, monthName, monthTick, responseText, slotsFor } from '../../src/site/status-view.ts';
import { matchRows, normalizeLogin } from '../../src/scripts/status-filter.ts';
import { FacetIndex, emptyFilters, parseState, serializeState } from '../../src/core/directory.ts';
import { cardData, facetOptions, facetValues, hasFreeSlot, searchIndex, sortMentors, type MentorEntry } from '../../src/site/model.ts';
import { renderCard, slotsText } from '../../src/site/card.ts';
import { makeProfileSchema, type Profile } from '../../src/core/profile.ts';
import { statusFileSchema } from '../../src/core/status.ts';
import { repoProgram, validProfile } from '../support/profiles.ts';
import { statusFixture } from '../support/status-fixture.ts';

const realistic = statusFileSchema.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/status/status.json'), 'utf8')));
const schema = makeProfileSchema(repoProgram);
const profile = (over: Record<string, unknown>): Profile => schema.parse({ ...validProfile(), ...over });

describe('chart geometry', () => {
  test('axis: whole-number ticks in steps of 1, 2 or 5 × 10ⁿ, topped at or above the maximum', () => {
    expect(axis(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(axis(1)).toEqual({ top: 1, ticks: [0, 1] });
    expect(axis(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(axis(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(axis(17)).toEqual({ top: 20, ticks: [0, 5, 10, 15, 20] });
    expect(axis(23)).toEqual({ top: 30, ticks: [0, 10, 20, 30] });
    expect(axis(480)).toEqual({ top: 600, ticks: [0, 200, 400, 600] });
    const big = axis(480);
    expect(big.top).toBeGreaterThanOrEqual(480);
    expect(big.ticks.at(-1)).toBe(big.top);
    for (const t of big.ticks) expect(Number.isInteger(t)).toBe(true);
  });

  test('bars: heights proportional to values, inside the plot, one per series per group', () => {
    const c = groupedBars(['a', 'b', 'c'], [{ name: 'x', values: [10, 0, 5] }, { name: 'y', values: [2, 4, 20] }], { width: 300, height: 200, margin: { top: 10, right: 10, bottom: 30, left: 40 } });
    expect(c.max).toBe(20);
    expect(c.plot).toEqual({ left: 40, top: 10, right: 290, bottom: 170 });
    expect(c.groups).toHaveLength(3);
    const h = (g: number, s: number) => c.groups[g]!.bars[s]!.height;
    expect(h(2, 1)).toBeCloseTo(160);
    expect(h(0, 0)).toBeCloseTo(80);
    expect(h(1, 0)).toBe(0);
    for (const g of c.groups)
      for (const b of g.bars) {
        expect(b.x).toBeGreaterThanOrEqual(c.plot.left);
        expect(b.x + b.width).toBeLessThanOrEqual(c.plot.right + 1e-9);
        expect(b.y + b.height).toBeCloseTo(c.plot.bottom);
      }
    // Bars of a group sit side by side, groups don't overlap.
    expect(c.groups[0]!.bars[1]!.x).toBeCloseTo(c.groups[0]!.bars[0]!.x + c.groups[0]!.bars[0]!.width);
    expect(c.groups[1]!.bars[0]!.x).toBeGreaterThan(c.groups[0]!.bars[1]!.x + c.groups[0]!.bars[1]!.width);
    expect(c.ticks[0]).toEqual({ value: 0, y: 170 });
    expect(c.ticks.at(-1)).toEqual({ value: 20, y: 10 });
  });

  test('long runs of months label every k-th group; no data gives an empty chart', () => {
    const months = Array.from({ length: 30 }, (_, i) => `m${i}`);
    const c = groupedBars(months, [{ name: 'x', values: months.map(() => 1) }]);
    expect(c.groups.filter((g) => g.showLabel).length).toBeLessThanOrEqual(8);
    expect(c.groups[0]!.showLabel).toBe(true);
    expect(groupedBars([], [{ name: 'x', values: [] }]).groups).toEqual([]);
  });
});

describe('status view models', () => {
  test('slots come from the file, by login in any case; a mentor missing from it has none', () => {
    const statuses = mentorStatuses(realistic);
    const [login, s] = Object.entries(realistic.mentors)[0]!;
    expect(slotsFor(statuses, login.toUpperCase())).toEqual({ free: s.slotsFree, capacity: s.capacity });
    expect(slotsFor(statuses, 'nobody')).toBeUndefined();
    expect(slotsFor(mentorStatuses(undefined), login)).toBeUndefined();
    // Every mentor page asks for the map: it is built once per status file, not once per page.
    expect(mentorStatuses(realistic)).toBe(statuses);
    expect(mentorStatuses(structuredClone(realistic))).not.toBe(statuses);
  });

  test('badge text', () => {
    expect(slotsText({ free: 1, capacity: 2 })).toBe('1 of 2 slots open');
    expect(slotsText({ free: 1, capacity: 1 })).toBe('1 of 1 slot open');
    expect(slotsText({ free: 0, capacity: 2 })).toBe('Full');
  });

  test('response time in whole days, rounded up', () => {
    expect(responseText(null)).toBeUndefined();
    expect(responseText(0)).toBe('Usually answers within a day');
    expect(responseText(1)).toBe('Usually answers within a day');
    expect(responseText(2.5)).toBe('Usually answers within 3 days');
  });

  test('the console groups the realistic fixture: waiting, active, finished; declined and the like are only counted', () => {
    const view = consoleView(realistic, Object.keys(realistic.mentors).slice(0, 3));
    const ids = (i: number) => view.sections[i]!.rows.map((r) => r.status);
    expect(new Set(ids(0))).toEqual(new Set(realistic.requests.filter((r) => r.status === 'pending' || r.status === 'saved').map((r) => r.status)));
    expect(ids(1).every((s) => s === 'active')).toBe(true);
    expect(ids(1)).toHaveLength(realistic.program.byStatus.active ?? 0);
    expect(ids(2).every((s) => s === 'completed' || s === 'ended')).toBe(true);
    const listed = view.sections.flatMap((s) => s.rows).length;
    const counted = view.byStatus.reduce((a, s) => a + s.count, 0);
    expect(counted).toBe(realistic.requests.length);
    expect(listed).toBeLessThan(counted);
    expect(view.mentors.filter((m) => m.listed)).toHaveLength(3);
    // Finished: newest first.
    const closed = view.sections[2]!.rows.map((r) => r.closed!);
    expect(closed).toEqual([...closed].sort().reverse());
  });

  test('key figures and chart descriptions', () => {
    const figures = Object.fromEntries(keyFigures(realistic).map((f) => [f.id, f.value]));
    expect(figures).toEqual({
      acceptance: `${Math.round(realistic.program.acceptanceRate! * 100)}%`,
      response: `${realistic.program.medianResponseDays} days`,
      active: String(realistic.program.activePartnerships),
      completion: `${Math.round(realistic.program.completionRate! * 100)}%`,
    });
    expect(monthName('2026-09')).toBe('September 2026');
    expect(monthTick('2027-01')).toBe('Jan 27');
    expect(monthTick('2026-09')).toBe('Sep');
    expect(describeMonths([{ month: '2026-09' }, { month: '2026-10' }], [{ name: 'Requests', values: [3, 5] }])).toBe(
      'September 2026 to October 2026. Requests: 8 in all, most in October 2026 (5).',
    );
  });
});

describe('the status console login filter', () => {
  test('a full login shows only that person’s rows; a partial one, every login containing it', () => {
    const rows = ['ada bob', 'adam bob', 'eve carol', 'ada'];
    expect(matchRows(rows, '')).toEqual([true, true, true, true]);
    expect(matchRows(rows, '@ADA ')).toEqual([true, false, false, true]);
    expect(matchRows(rows, 'ad')).toEqual([true, true, false, true]);
    expect(matchRows(rows, 'bob')).toEqual([true, true, false, false]);
    expect(matchRows(rows, 'zed')).toEqual([false, false, false, false]);
    expect(normalizeLogin(' @@Octo ')).toBe('octo');
  });
});

describe('the "has a free slot" facet', () => {
  const open = profile({ github: 'open-one', name: 'Open One' });
  const paused = profile({ github: 'paused-one', name: 'Paused One', availability: { status: 'paused', capacity: 2 } });

  test('a mentor has it when taking requests with a slot free at the last sync, never without a status', () => {
    expect(hasFreeSlot(open, { free: 1, capacity: 2 })).toBe(true);
    expect(hasFreeSlot(open, { free: 0, capacity: 2 })).toBe(false);
    expect(hasFreeSlot(open, undefined)).toBe(false);
    expect(hasFreeSlot(paused, { free: 2, capacity: 2 })).toBe(false);
    expect(facetValues(open, { free: 1, capacity: 2 }).slots).toEqual(['free']);
    expect(facetValues(open).slots).toEqual([]);
  });

  test('it lives in the URL with the other facets and combines with them (AND)', () => {
    const s = parseState('?slots=free&topic=hpc');
    expect(s.filters.slots).toEqual(['free']);
    expect(serializeState(s)).toBe('?topic=hpc&slots=free');
    const docs = [
      facetValues(profile({ github: 'a', topics: ['hpc'] }), { free: 1, capacity: 2 }),
      facetValues(profile({ github: 'b', topics: ['hpc'] }), { free: 0, capacity: 2 }),
      facetValues(profile({ github: 'c', topics: ['open-source'] }), { free: 2, capacity: 2 }),
    ];
    const idx = new FacetIndex(docs);
    const { results, counts } = idx.count([0, 1, 2], { ...emptyFilters(), slots: ['free'], topic: ['hpc'] });
    expect(results).toEqual([0]);
    expect(counts.slots.get('free')).toBe(1);
    expect(counts.topic.get('hpc')).toBe(1);
    expect(counts.topic.get('open-source')).toBe(1);
  });

  test('options, index and cards: the filter and badges appear only with a status', () => {
    const entries: MentorEntry[] = sortMentors([
      { id: 'open-one', data: open },
      { id: 'paused-one', data: paused },
    ]);
    expect(facetOptions(entries, repoProgram).slots).toEqual([]);
    expect(searchIndex(entries, repoProgram).facets.slots).toEqual({ values: [], docs: [] });
    expect(renderCard(cardData(open, repoProgram), '/')).not.toContain('badge');

    const withSlots: MentorEntry[] = entries.map((e) => ({ ...e, slots: { free: 1, capacity: 2 } }));
    expect(facetOptions(withSlots, repoProgram).slots).toEqual([{ value: 'free', label: 'Has a free slot', count: 1 }]);
    expect(searchIndex(withSlots, repoProgram).facets.slots.values).toEqual(['free']);
    expect(renderCard(cardData(open, repoProgram, { free: 1, capacity: 2 }), '/')).toContain('<p class="badge badge-slots">1 of 2 slots open</p>');
    expect(renderCard(cardData(open, repoProgram, { free: 0, capacity: 2 }), '/')).toContain('<p class="badge badge-full">Full</p>');
    // A paused mentor's card says paused, whatever the slots.
    const pausedCard = cardData(paused, repoProgram, { free: 2, capacity: 2 });
    expect(pausedCard.slots).toBeUndefined();
    expect(renderCard(pausedCard, '/')).toContain('Paused: not taking requests');
  });
});

describe('the browser tests’ fixture generator', () => {
  test('is valid, and its counts agree with its rows', () => {
    const s = statusFixture(
      [
        { login: 'a', open: true, capacity: 2 },
        { login: 'b', open: true, capacity: 2 },
        { login: 'c', open: true, capacity: 1 },
        { login: 'd', open: true, capacity: 2 },
        { login: 'p', open: false, capacity: 2 },
      ],
      'org/repo',
    );
    expect(Object.keys(s.mentors).sort()).toEqual(['a', 'b', 'c', 'p']);
    for (const [login, m] of Object.entries(s.mentors)) {
      expect(s.requests.filter((r) => r.mentor === login && r.status === 'active')).toHaveLength(m.active);
      expect(s.requests.filter((r) => r.mentor === login && (r.status === 'pending' || r.status === 'saved'))).toHaveLength(m.waiting);
    }
    expect(s.program.byMonth.reduce((a, m) => a + m.requests, 0)).toBe(s.requests.length);
  });
});
