/**
 * A mentor card as HTML. One function serves the server-rendered list and the
 * browser's filtered results, so both always look the same.
 */
export interface CardData {
  login: string;
  name: string;
  pronouns?: string;
  headline: string;
  avatar?: string;
  topics: string[];
  languages: string[];
  location: string;
  open: boolean;
  /** Slots at the last status sync, for mentors taking requests; absent without a status file. */
  slots?: Slots;
}

export interface Slots {
  free: number;
  capacity: number;
}

/** "1 of 2 slots open", "Full": what a card and a mentor page say about slots. */
export function slotsText(slots: Slots): string {
  if (slots.free <= 0) return 'Full';
  return `${slots.free} of ${slots.capacity} slot${slots.capacity === 1 ? '' : 's'} open`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const EVERY_SPECIAL = new RegExp(SPECIAL.source, 'g');
export function escapeHtml(s: string): string {
  // Most names, headlines and labels hold none of the five characters: testing first skips building a new string.
  return SPECIAL.test(s) ? s.replace(EVERY_SPECIAL, (c) => ESCAPES[c]!) : s;
}

export function initials(name: string): string {
  const parts = name.replace(/^(dr|prof)\.?\s+/i, '').split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? parts[parts.length - 1]![0] : '';
  return (first + (last ?? '')).toUpperCase();
}

/** A stable hue per login, so initials avatars are told apart at a glance. */
export function hue(login: string): number {
  let h = 0;
  for (const ch of login) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

export function renderCard(card: CardData, base: string): string {
  const href = `${base}mentors/${encodeURIComponent(card.login)}/`;
  const avatar = card.avatar
    ? `<img class="avatar" src="${escapeHtml(card.avatar)}" alt="" width="56" height="56" loading="lazy" decoding="async">`
    : `<span class="avatar avatar-initials" style="--hue:${hue(card.login)}" aria-hidden="true">${escapeHtml(initials(card.name))}</span>`;
  const pronouns = card.pronouns ? ` <span class="pronouns">(${escapeHtml(card.pronouns)})</span>` : '';
  const status = !card.open
    ? '<p class="badge badge-paused">Paused: not taking requests</p>'
    : card.slots
      ? `<p class="badge ${card.slots.free > 0 ? 'badge-slots' : 'badge-full'}">${slotsText(card.slots)}</p>`
      : '';
  const topics = card.topics.map((t) => `<li>${escapeHtml(t)}</li>`).join('');
  return `<li class="card${card.open ? '' : ' card-paused'}">${avatar}<div class="card-body"><h3 class="card-name"><a href="${href}">${escapeHtml(card.name)}</a>${pronouns}</h3><p class="card-headline">${escapeHtml(card.headline)}</p><ul class="tags" aria-label="Topics">${topics}</ul><p class="card-meta"><span><span class="visually-hidden">Languages: </span>${escapeHtml(card.languages.join(', '))}</span> · <span><span class="visually-hidden">Location: </span>${escapeHtml(card.location)}</span></p>${status}</div></li>`;
}
