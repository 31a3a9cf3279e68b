import {
  FACETS,
  isEmptyState,
  parseState,
  serializeState,
  type DirectoryState,
} from '../core/directory.ts';
import { renderCard, type CardData } from '../site/card.ts';
import type { SearchIndexFile } from '../site/model.ts';
import type { SearchEngine } from './search-engine.ts';

/**
 * Progressive enhancement of the server-rendered directory. Without this script
 * the list and its pages work on their own. The index and the search library are
 * fetched on the first interaction (or at once when the URL already carries a
 * search), so the first view stays light at any directory size.
 */
export function enhanceDirectory(): void {
  const root = document.querySelector<HTMLElement>('.directory');
  const form = document.querySelector<HTMLFormElement>('#filters');
  const q = document.querySelector<HTMLInputElement>('#q');
  const list = document.querySelector<HTMLUListElement>('#results');
  const count = document.querySelector<HTMLElement>('#result-count');
  const empty = document.querySelector<HTMLElement>('#empty-state');
  const more = document.querySelector<HTMLButtonElement>('#show-more');
  if (!root || !form || !q || !list || !count || !empty || !more) return;
  document.documentElement.classList.add('js');

  const base = root.dataset.base ?? '/';
  const perPage = Number(root.dataset.perPage ?? 24);
  const pagination = document.querySelector<HTMLElement>('#pagination');
  const initial = { html: list.innerHTML, count: count.textContent ?? '', counts: readCounts() };

  let engine: Promise<{ engine: SearchEngine; index: SearchIndexFile }> | undefined;
  const chunks = new Map<number, Promise<CardData[]>>();
  let shown: number[] = [];
  let rendered = 0;
  let generation = 0;
  let typing = false;
  let typingTimer: number | undefined;

  function loadEngine() {
    engine ??= Promise.all([
      import('./search-engine.ts'),
      fetch(root!.dataset.index!).then((r) => {
        if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
        return r.json() as Promise<SearchIndexFile>;
      }),
    ]).then(([mod, index]) => ({
      engine: mod.createEngine(index, (key) =>
        fetch(`${base}search/bio/${encodeURIComponent(key)}.json`).then((r) => {
          if (!r.ok) throw new Error(`search shard ${key}: HTTP ${r.status}`);
          return r.json();
        }),
      ),
      index,
    }));
    return engine;
  }

  function chunk(i: number): Promise<CardData[]> {
    let c = chunks.get(i);
    if (!c) {
      c = fetch(`${base}cards/${i}.json`).then((r) => r.json() as Promise<CardData[]>);
      chunks.set(i, c);
    }
    return c;
  }

  function readCounts(): Map<string, string> {
    const m = new Map<string, string>();
    for (const el of root!.querySelectorAll<HTMLElement>('[data-count-for]')) m.set(el.dataset.countFor!, el.textContent ?? '');
    return m;
  }

  function stateFromForm(): DirectoryState {
    const state = parseState('');
    state.q = q!.value;
    for (const f of FACETS) {
      state.filters[f] = [...form!.querySelectorAll<HTMLInputElement>(`input[name="${f}"]:checked`)].map((i) => i.value);
    }
    return state;
  }

  function writeForm(state: DirectoryState) {
    q!.value = state.q;
    for (const input of form!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      input.checked = state.filters[input.name as (typeof FACETS)[number]]?.includes(input.value) ?? false;
    }
    markSelected(state);
  }

  function markSelected(state: DirectoryState) {
    for (const f of FACETS) {
      const el = root!.querySelector<HTMLElement>(`[data-selected-for="${f}"]`);
      if (el) el.textContent = state.filters[f].length ? `(${state.filters[f].length} selected)` : '';
    }
  }

  async function renderMore(gen: number) {
    const next = shown.slice(rendered, rendered + perPage);
    const { index } = await loadEngine();
    const size = index.chunk;
    const needed = [...new Set(next.map((i) => Math.floor(i / size)))];
    const loaded = await Promise.all(needed.map((c) => chunk(c)));
    if (gen !== generation) return;
    const byChunk = new Map(needed.map((c, k) => [c, loaded[k]!]));
    list!.insertAdjacentHTML('beforeend', next.map((i) => renderCard(byChunk.get(Math.floor(i / size))![i % size]!, base)).join(''));
    rendered += next.length;
    more!.hidden = rendered >= shown.length;
  }

  async function apply(state: DirectoryState) {
    const gen = ++generation;
    markSelected(state);
    if (isEmptyState(state)) {
      list!.innerHTML = initial.html;
      count!.textContent = initial.count;
      for (const el of root!.querySelectorAll<HTMLElement>('[data-count-for]')) el.textContent = initial.counts.get(el.dataset.countFor!) ?? '';
      empty!.hidden = true;
      more!.hidden = true;
      if (pagination) pagination.hidden = false;
      root!.setAttribute('aria-busy', 'false');
      return;
    }
    root!.setAttribute('aria-busy', 'true');
    const { engine: e } = await loadEngine();
    if (gen !== generation) return;
    const candidates = await e.search(state.q);
    if (gen !== generation) return;
    const { results, counts } = e.count(candidates, state.filters);
    for (const el of root!.querySelectorAll<HTMLElement>('[data-count-for]')) {
      const [f, v] = el.dataset.countFor!.split(':') as [(typeof FACETS)[number], string];
      el.textContent = `(${counts[f].get(v) ?? 0})`;
    }
    shown = results;
    rendered = 0;
    list!.innerHTML = '';
    if (pagination) pagination.hidden = true;
    count!.textContent = `${results.length} mentor${results.length === 1 ? '' : 's'} match${results.length === 1 ? 'es' : ''}`;
    empty!.hidden = results.length > 0;
    more!.hidden = true;
    await renderMore(gen);
    if (gen === generation) root!.setAttribute('aria-busy', 'false');
  }

  function commit(push: boolean) {
    const state = stateFromForm();
    const url = `${location.pathname}${serializeState(state)}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) {
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    void apply(state).catch(showError);
  }

  function showError(err: unknown) {
    count!.textContent = 'Search is unavailable right now; the full list is still below.';
    console.error(err);
  }

  // Prefetch the index as soon as someone shows intent to search or filter.
  form.addEventListener('focusin', () => void loadEngine().catch(showError), { once: true });
  form.addEventListener('pointerdown', () => void loadEngine().catch(showError), { once: true });

  q.addEventListener('input', () => {
    // One history entry per burst of typing, not one per keystroke.
    commit(!typing);
    typing = true;
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => (typing = false), 1000);
  });
  form.addEventListener('change', (ev) => {
    if ((ev.target as HTMLElement).matches('input[type="checkbox"]')) commit(true);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    commit(true);
  });
  const clear = (ev: Event) => {
    ev.preventDefault();
    writeForm(parseState(''));
    commit(true);
    q.focus();
  };
  document.querySelector('#clear-filters')?.addEventListener('click', clear);
  document.querySelector('#empty-clear')?.addEventListener('click', clear);
  more.addEventListener('click', () => void renderMore(generation));
  window.addEventListener('popstate', () => {
    const state = parseState(location.search);
    writeForm(state);
    void apply(state).catch(showError);
  });

  const start = parseState(location.search);
  if (!isEmptyState(start)) {
    writeForm(start);
    void apply(start).catch(showError);
  }
}
