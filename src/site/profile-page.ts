import type { Profile } from '../core/profile.ts';
import type { MentorStatus } from '../core/status.ts';
import type { FacetKey } from '../core/directory.ts';
import { locationText } from './model.ts';
import { hue, initials, slotsText, type Slots } from './card.ts';
import { formatDate } from './format.ts';
import { html, attr, type Html } from './html.ts';
import { responseText } from './status-view.ts';

/**
 * The parts of a mentor's page around the profile body, as HTML text (src/site/html.ts says why not as Astro
 * markup). src/pages/mentors/[login].astro puts them together.
 */

export function profileHeader(m: Profile): Html {
  const avatar = m.avatar
    ? html`<img class="avatar avatar-lg"${attr('src', m.avatar)} alt="" width="96" height="96">`
    : html`<span class="avatar avatar-lg avatar-initials" style="--hue:${hue(m.github)}" aria-hidden="true">${initials(m.name)}</span>`;
  return html`<header class="profile-header">${avatar}<div><h1>${m.name} ${m.pronouns && html`<span class="pronouns">(${m.pronouns})</span>`}</h1><p class="lede">${m.headline}</p>${m.affiliation && html`<p class="affiliation">${m.affiliation}</p>`}</div></header>`;
}

export interface RequestBoxInput {
  mentor: Profile;
  /** Slots at the last sync; undefined without a status file. */
  slots: Slots | undefined;
  /** The mentor's entry in data/status.json, if any. */
  live: MentorStatus | undefined;
  /** The date of the last sync (YYYY-MM-DD), if there is a status file. */
  synced: string | undefined;
  requestUrl: string;
  base: string;
}

/** Whether the mentor takes requests, with the link to the request form, the slots and how fresh all of it is. */
export function requestBox({ mentor: m, slots, live, synced, requestUrl, base }: RequestBoxInput): Html {
  const open = m.availability.status === 'open';
  const full = open && !!slots && slots.free <= 0;
  const capacity = m.availability.capacity;
  const answer = !open
    ? html`<p class="badge badge-paused" id="not-taking">Not taking requests right now.</p>`
    : full
      ? html`<p class="badge badge-full" id="full-note">${slots!.capacity === 1 ? 'Full: their one slot is taken.' : `Full: all ${slots!.capacity} slots are taken.`}</p><p id="last-free">${live?.lastFreeSlot && `A slot was last free on ${formatDate(live.lastFreeSlot)}. `}Requests open again when a partnership ends. Meanwhile, <a href="${`${base}?slots=free`}">mentors with a free slot</a>.</p>`
      : html`<p>Taking up to ${capacity} mentee${capacity === 1 ? '' : 's'} at a time${m.availability.until && `, until ${formatDate(m.availability.until)}`}.${slots && html` <span class="badge badge-slots" id="slots-open">${slotsText(slots)}</span>`}</p><a class="button" id="request-link" href="${requestUrl}">Request mentorship</a><p class="small">Opens a request form on GitHub, already addressed to ${m.name}.</p>`;
  const response = responseText(live?.medianResponseDays);
  return html`<section class="request-box" aria-labelledby="request-heading"><h2 id="request-heading" class="visually-hidden">Request</h2>${answer}${response && html`<p id="response-time">${response}.</p>`}<p class="small" id="freshness">Profile last confirmed on ${formatDate(m.last_confirmed)}.${synced && ` Slots and answer times as of ${formatDate(synced)}.`}</p></section>`;
}

/** The "At a glance" list beside the profile body. */
export function profileFacts(m: Profile, labels: Record<FacetKey, (id: string) => string>): Html {
  return html`<aside aria-labelledby="facts-heading" class="facts"><h2 id="facts-heading">At a glance</h2><dl>${[
    fact('Location', html`${locationText(m)}${m.location.timezone && ` (${m.location.timezone.replace(/_/g, ' ')})`}`),
    fact('Languages', m.languages.map(labels.language).join(', ')),
    fact('Topics', html`<ul class="tags">${m.topics.map((t) => html`<li>${labels.topic(t)}</li>`)}</ul>`),
    fact('Career stages', m.stages.map(labels.stage).join(', ')),
    fact('Formats', m.formats.map(labels.format).join(', ')),
    fact('Kinds', m.kinds.map(labels.kind).join(', ')),
    html`<dt>Terms offered</dt><dd id="terms">${m.terms.map((n) => `${n} months`).join(', ')}</dd>`,
    fact('Profile confirmed', formatDate(m.last_confirmed)),
    !!m.links?.length &&
      fact('Links', html`<ul class="plain">${m.links.map((l) => html`<li><a href="${l.url}" rel="nofollow noopener">${l.label}</a></li>`)}</ul>`),
    fact('GitHub', html`<a href="${`https://github.com/${m.github}`}">@${m.github}</a>`),
  ]}</dl></aside>`;
}

const fact = (term: string, detail: string | Html) => html`<dt>${term}</dt><dd>${detail}</dd>`;
