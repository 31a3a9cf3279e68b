// People acting on the repository. Each action is a real HTTP request with the person's token, so it passes
// the same permission checks and OpenAPI validation as the bot's requests, and it returns the webhook
// deliveries GitHub would have made for it.
import { ISSUE_FORM_HEADER } from './server.ts';
import type { EmulatorEvent } from './types.ts';

/**
 * The action's main event (the first that is not a `label` side effect such as a label created on demand),
 * plus every event it produced (an issue filed with labels also sends `labeled`).
 */
export type ActionResult = EmulatorEvent & { events: EmulatorEvent[] };

export interface Actor {
  readonly login: string;
  readonly token: string;
  /**
   * Files an issue the way an issue form does: its labels apply even without push access, but only labels
   * that already exist in the repository (GitHub silently drops the others, so seed them with `labels`).
   */
  openIssue(input: { title: string; body?: string; labels?: string[] }): Promise<ActionResult>;
  editIssue(number: number, change: { body?: string; title?: string }): Promise<ActionResult>;
  comment(number: number, body: string): Promise<ActionResult>;
  editComment(id: number, body: string): Promise<ActionResult>;
  deleteComment(id: number): Promise<ActionResult>;
  addLabels(number: number, names: string[]): Promise<ActionResult>;
  removeLabel(number: number, name: string): Promise<ActionResult>;
  closeIssue(number: number, reason?: 'completed' | 'not_planned' | 'duplicate'): Promise<ActionResult>;
  reopenIssue(number: number): Promise<ActionResult>;
}

export class ActionError extends Error {
  readonly status: number;
  readonly response: unknown;

  constructor(message: string, status: number, response: unknown) {
    super(message);
    this.status = status;
    this.response = response;
  }
}

interface Host {
  url: string;
  owner: string;
  repo: string;
  tokenFor(login: string): string;
  eventsFor(requestId: string): EmulatorEvent[];
}

export function actor(host: Host, login: string): Actor {
  const token = host.tokenFor(login);
  const repo = `/repos/${host.owner}/${host.repo}`;

  async function send(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<ActionResult> {
    const res = await fetch(host.url + path, {
      method,
      headers: {
        authorization: `token ${token}`,
        accept: 'application/vnd.github+json',
        'user-agent': `emulator-actor/${login}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        ...extra,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const data: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const msg = (data as { message?: string } | undefined)?.message ?? res.statusText;
      throw new ActionError(`${login}: ${method} ${path} failed with ${res.status} ${msg}`, res.status, data);
    }
    const events = host.eventsFor(res.headers.get('x-github-request-id') ?? '');
    if (!events.length) throw new ActionError(`${login}: ${method} ${path} changed nothing, so GitHub would send no event`, res.status, data);
    return { ...(events.find((e) => e.name !== 'label') ?? events[0]!), events };
  }

  return {
    login,
    token,
    openIssue: ({ title, body, labels }) => send('POST', `${repo}/issues`, { title, body, labels }, { [ISSUE_FORM_HEADER]: 'true' }),
    editIssue: (n, change) => send('PATCH', `${repo}/issues/${n}`, change),
    comment: (n, body) => send('POST', `${repo}/issues/${n}/comments`, { body }),
    editComment: (id, body) => send('PATCH', `${repo}/issues/comments/${id}`, { body }),
    deleteComment: (id) => send('DELETE', `${repo}/issues/comments/${id}`),
    addLabels: (n, labels) => send('POST', `${repo}/issues/${n}/labels`, { labels }),
    removeLabel: (n, name) => send('DELETE', `${repo}/issues/${n}/labels/${encodeURIComponent(name)}`),
    closeIssue: (n, reason = 'completed') => send('PATCH', `${repo}/issues/${n}`, { state: 'closed', state_reason: reason }),
    reopenIssue: (n) => send('PATCH', `${repo}/issues/${n}`, { state: 'open' }),
  };
}
