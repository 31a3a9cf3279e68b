/**
 * The status console's login filter (progressive enhancement). Without JavaScript the form stays hidden and every
 * row is listed, grouped by state; with it, typing a login narrows every table to that person's rows in place,
 * and the login is kept in the URL (?login=) so a link to "my rows" works.
 */

/** "@Octo-Cat " → "octo-cat". */
export function normalizeLogin(q: string): string {
  return q.trim().replace(/^@+/, '').toLowerCase();
}

/**
 * Which rows to show for a query, given each row's space-separated logins: rows of a login that matches the query
 * exactly, once one does; until then, rows with a login containing what has been typed. An empty query shows all.
 */
export function matchRows(rows: readonly string[], query: string): boolean[] {
  const q = normalizeLogin(query);
  if (!q) return rows.map(() => true);
  const logins = rows.map((r) => r.split(' ').filter(Boolean));
  const exact = logins.some((ls) => ls.includes(q));
  return logins.map((ls) => (exact ? ls.includes(q) : ls.some((l) => l.includes(q))));
}

export function enhanceStatusConsole(): void {
  const form = document.querySelector<HTMLFormElement>('#login-filter');
  const input = document.querySelector<HTMLInputElement>('#login');
  const result = document.querySelector<HTMLElement>('#login-result');
  const clear = document.querySelector<HTMLButtonElement>('#login-clear');
  if (!form || !input || !result || !clear) return;
  document.documentElement.classList.add('js');
  form.hidden = false;
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('tr[data-logins]')];
  const keys = rows.map((r) => r.dataset.logins ?? '');

  function apply() {
    const q = normalizeLogin(input!.value);
    const show = matchRows(keys, q);
    rows.forEach((r, i) => (r.hidden = !show[i]));
    for (const section of document.querySelectorAll<HTMLElement>('.console-section')) {
      const own = [...section.querySelectorAll<HTMLTableRowElement>('tr[data-logins]')];
      const visible = own.filter((r) => !r.hidden).length;
      const table = section.querySelector('table');
      const empty = section.querySelector<HTMLElement>('.filter-empty');
      if (table) table.hidden = own.length > 0 && visible === 0;
      if (empty) empty.hidden = !q || visible > 0 || own.length === 0;
    }
    const shown = show.filter(Boolean).length;
    result!.textContent = q ? `${shown} row${shown === 1 ? '' : 's'} for “${q}”.` : '';
    const url = new URL(location.href);
    if (q) url.searchParams.set('login', q);
    else url.searchParams.delete('login');
    if (url.href !== location.href) history.replaceState(null, '', url);
  }

  input.addEventListener('input', apply);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    apply();
  });
  clear.addEventListener('click', () => {
    input.value = '';
    apply();
    input.focus();
  });
  const start = new URLSearchParams(location.search).get('login');
  if (start) {
    input.value = start;
    apply();
  }
}
