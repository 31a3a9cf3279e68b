// GitHub-style pages: `per_page` (default 30, silently capped at 100) and `page`, with a Link header whose
// URLs repeat the request's own query so octokit.paginate can follow them verbatim.

export interface Page<T> {
  items: T[];
  link: string | undefined;
}

export function paginate<T>(all: T[], base: string, url: URL): Page<T> {
  const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1), 100);
  const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(all.length / perPage), 1);
  const items = all.slice((page - 1) * perPage, page * perPage);
  const href = (n: number) => {
    const u = new URL(url.pathname + url.search, base);
    u.searchParams.set('page', String(n));
    return `<${u.href}>`;
  };
  const rels: string[] = [];
  // Same order as GitHub: prev, next, last, first.
  if (page > 1) rels.push(`${href(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) rels.push(`${href(page + 1)}; rel="next"`, `${href(last)}; rel="last"`);
  if (page > 1) rels.push(`${href(1)}; rel="first"`);
  return { items, link: rels.length ? rels.join(', ') : undefined };
}
