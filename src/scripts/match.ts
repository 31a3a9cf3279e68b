import { primaryLanguage, utcOffsetMinutes } from '../core/matching/scorer.ts';
import {
  PER_PAGE,
  changeHints,
  decodeMentors,
  escapeHtml,
  exclusions,
  rankMentors,
  renderMatch,
  summaryText,
  zoneLabel,
  type Candidate,
  type MatchFile,
  type Ranking,
  type VisitorChoice,
} from '../site/match.ts';

/**
 * "Find mentors for me" in the browser. The page ships the form hidden and a <noscript> note; this script shows
 * the form, fills the time-zone list from the browser (so the page carries no 400-option list), presets the
 * visitor's own time zone and languages, fetches match/mentors.json on the first interaction, and ranks with the
 * matching core on submit. The choices are kept in the URL's fragment, which is never sent to a server, so Back
 * from a mentor's page and a shared link show the same list.
 */
export function enhanceMatcher(): void {
  const root = document.querySelector<HTMLElement>('#matcher');
  const form = document.querySelector<HTMLFormElement>('#match-form');
  const tz = document.querySelector<HTMLSelectElement>('#match-tz');
  const stage = document.querySelector<HTMLSelectElement>('#match-stage');
  const status = document.querySelector<HTMLElement>('#match-status');
  const list = document.querySelector<HTMLOListElement>('#match-list');
  const more = document.querySelector<HTMLButtonElement>('#match-more');
  const none = document.querySelector<HTMLElement>('#match-none');
  const fullSection = document.querySelector<HTMLElement>('#match-full-section');
  const fullList = document.querySelector<HTMLOListElement>('#match-full');
  const excluded = document.querySelector<HTMLElement>('#match-excluded');
  if (!root || !form || !tz || !stage || !status || !list || !more || !none || !fullSection || !fullList || !excluded) return;
  document.documentElement.classList.add('js');
  root.hidden = false;
  const base = root.dataset.base ?? '/';
  const results = root.querySelector<HTMLElement>('.match-results')!;

  // One instant for the whole visit: the core caches offsets per zone and instant, so the zone list's offsets are
  // reused by every search (a new Date per search would recompute them all, and grow the cache each time).
  const now = new Date();
  fillZones(tz, now);
  const fromHash = readHash();
  writeForm(fromHash ?? defaults());
  // Read back what the form could hold: a zone or topic in the fragment that the page does not know is dropped.
  const start = fromHash ? readForm() : undefined;

  let data: Promise<{ file: MatchFile; mentors: Candidate[] }> | undefined;
  const load = () =>
    (data ??= fetch(root.dataset.src!).then(async (r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const file = (await r.json()) as MatchFile;
      return { file, mentors: decodeMentors(file) };
    }).catch((err: unknown) => {
      data = undefined; // the next search tries again
      throw err;
    }));
  form.addEventListener('focusin', () => void load().catch(() => undefined), { once: true });
  form.addEventListener('pointerdown', () => void load().catch(() => undefined), { once: true });

  let shown: { ranking: Ranking; file: MatchFile; rendered: number } | undefined;

  async function run(choice: VisitorChoice) {
    results.setAttribute('aria-busy', 'true');
    status!.textContent = 'Finding mentors…';
    try {
      const { file, mentors } = await load();
      const ranking = rankMentors(file, choice, now, mentors);
      shown = { ranking, file, rendered: 0 };
      list!.innerHTML = '';
      renderMore();
      fullList!.innerHTML = ranking.full.map((r) => renderMatch(file, ranking, r, base)).join('');
      fullSection!.hidden = ranking.full.length === 0;
      const out = exclusions(file, ranking, choice);
      excluded!.hidden = out.length === 0 || ranking.matches.length + ranking.full.length === 0;
      excluded!.textContent = out.length ? `Not listed, of ${ranking.considered} mentors taking requests: ${out.join('; ')}.` : '';
      const nothing = ranking.matches.length === 0 && ranking.full.length === 0;
      none!.hidden = !nothing;
      if (nothing) {
        const why = out.length ? ` Of the ${ranking.considered} mentors taking requests, ${out.join('; ')}.` : '';
        none!.querySelector('#match-none-why')!.textContent = `No mentor matches your choices.${why}`;
        none!.querySelector('#match-none-hints')!.innerHTML = changeHints(ranking)
          .map((h) => `<li>${escapeHtml(h)}</li>`)
          .join('');
      }
      status!.textContent = summaryText(ranking);
      // On a phone the list starts below the long form: bring it into view (focus stays on the button, so the
      // next Tab still goes to the first result).
      if (results.getBoundingClientRect().top > innerHeight) results.scrollIntoView({ block: 'start' });
    } catch (err) {
      status!.textContent = `The list of mentors could not be loaded (${(err as Error).message}). Search again to retry, or browse the directory.`;
    } finally {
      results.removeAttribute('aria-busy');
    }
  }

  function renderMore() {
    if (!shown) return;
    const { ranking, file } = shown;
    const next = ranking.matches.slice(shown.rendered, shown.rendered + PER_PAGE);
    list!.insertAdjacentHTML('beforeend', next.map((r) => renderMatch(file, ranking, r, base)).join(''));
    shown.rendered += next.length;
    const left = ranking.matches.length - shown.rendered;
    more!.hidden = left <= 0;
    more!.textContent = `Show ${Math.min(left, PER_PAGE)} more`;
  }

  more.addEventListener('click', () => {
    const first = shown?.rendered ?? 0;
    renderMore();
    // Keep the keyboard where the new results start.
    list.querySelectorAll<HTMLAnchorElement>('.match-name a')[first]?.focus();
  });

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const choice = readForm();
    if (!check(choice)) return;
    writeHash(choice);
    void run(choice);
  });
  form.addEventListener('change', (ev) => {
    const input = ev.target as HTMLInputElement;
    const error = input.closest('fieldset')?.querySelector<HTMLElement>('.field-error');
    if (error && !error.hidden && input.checked) error.hidden = true;
  });

  if (start && check(start, false)) void run(start);

  /** Shows what is missing next to its fieldset and in the live region; false if the search cannot run. */
  function check(choice: VisitorChoice, focus = true): boolean {
    const missing: [string, string][] = [];
    if (choice.topics.length === 0) missing.push(['topic', 'topics-error']);
    if (choice.languages.length === 0) missing.push(['language', 'languages-error']);
    for (const id of ['topics-error', 'languages-error']) document.getElementById(id)!.hidden = !missing.some(([, e]) => e === id);
    if (missing.length === 0) return true;
    status!.textContent = `Pick at least one ${missing.map(([what]) => what).join(' and one ')}.`;
    if (focus) form!.querySelector<HTMLInputElement>(`input[name="${missing[0]![0]}"]`)?.focus();
    return false;
  }

  function readForm(): VisitorChoice {
    const ticked = (name: string) => [...form!.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
    return {
      topics: ticked('topic'),
      languages: ticked('language'),
      ...(tz!.value ? { timezone: tz!.value } : {}),
      ...(stage!.value ? { stage: stage!.value } : {}),
      formats: ticked('format'),
      kinds: ticked('kind'),
    };
  }

  function writeForm(c: VisitorChoice) {
    const want: Record<string, readonly string[]> = { topic: c.topics, language: c.languages, format: c.formats, kind: c.kinds };
    for (const input of form!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) input.checked = want[input.name]?.includes(input.value) ?? false;
    if (c.timezone && ![...tz!.options].some((o) => o.value === c.timezone)) addZone(tz!, c.timezone, now);
    tz!.value = c.timezone ?? '';
    stage!.value = [...stage!.options].some((o) => o.value === c.stage) ? c.stage! : '';
  }

  /** The device's time zone, and the offered languages the browser says the visitor reads. */
  function defaults(): VisitorChoice {
    const own = new Set(navigator.languages.map(primaryLanguage));
    const offered = [...form!.querySelectorAll<HTMLInputElement>('input[name="language"]')].map((i) => i.value);
    let zone: string | undefined;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      zone = undefined;
    }
    return {
      topics: [],
      languages: offered.filter((tag) => own.has(primaryLanguage(tag))),
      ...(zone ? { timezone: zone } : {}),
      formats: [],
      kinds: [],
    };
  }
}

const KEYS = { topic: 'topics', language: 'languages', format: 'formats', kind: 'kinds' } as const;

function writeHash(c: VisitorChoice) {
  const q = new URLSearchParams();
  for (const [key, field] of Object.entries(KEYS)) for (const v of c[field]) q.append(key, v);
  if (c.timezone) q.set('tz', c.timezone);
  if (c.stage) q.set('stage', c.stage);
  history.replaceState(null, '', `#${q}`);
}

/** The choices kept in the fragment, or undefined when it holds none (e.g. #main from the skip link). */
function readHash(): VisitorChoice | undefined {
  const q = new URLSearchParams(location.hash.slice(1));
  if (![...Object.keys(KEYS), 'tz', 'stage'].some((k) => q.has(k))) return undefined;
  const tz = q.get('tz');
  const stage = q.get('stage');
  return {
    topics: q.getAll('topic'),
    languages: q.getAll('language'),
    ...(tz ? { timezone: tz } : {}),
    ...(stage ? { stage } : {}),
    formats: q.getAll('format'),
    kinds: q.getAll('kind'),
  };
}

function fillZones(select: HTMLSelectElement, now: Date) {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const frag = document.createDocumentFragment();
  for (const zone of zones) frag.append(new Option(zoneLabel(zone, utcOffsetMinutes(zone, now)), zone));
  select.append(frag);
}

/** A zone the list lacks (an alias such as Asia/Calcutta, or UTC), placed right after "Not given". */
function addZone(select: HTMLSelectElement, zone: string, now: Date) {
  const minutes = utcOffsetMinutes(zone, now);
  if (minutes === undefined) return;
  select.add(new Option(zoneLabel(zone, minutes), zone), 1);
}
