// Webhook payloads start from the community examples in @octokit/webhooks-examples (real deliveries), so fields
// we never thought of are still there. The objects the bot reads are replaced with the emulator's current ones.
import { createRequire } from 'node:module';
import type { Renderer } from './render.ts';
import type { EventName } from './types.ts';

interface ExampleGroup {
  name: string;
  examples: Array<Record<string, unknown> & { action?: string }>;
}

const require = createRequire(import.meta.url);
let groups: ExampleGroup[] | undefined;

/** Actions without an example of their own borrow the payload of an action with the same shape. */
const BORROW: Record<string, string> = { 'issues.closed': 'issues.reopened' };

export function example(name: EventName, action: string): Record<string, unknown> {
  groups ??= require('@octokit/webhooks-examples') as ExampleGroup[];
  const [n, a] = (BORROW[`${name}.${action}`] ?? `${name}.${action}`).split('.') as [string, string];
  const candidates = groups.find((g) => g.name === n)?.examples.filter((e) => e.action === a) ?? [];
  // Prefer a plain repository delivery: no GitHub App installation, no organisation of someone else's.
  const chosen = candidates.find((e) => !('installation' in e) && !('organization' in e)) ?? candidates[0];
  if (!chosen) throw new Error(`@octokit/webhooks-examples has no ${n}.${a} example`);
  return structuredClone(chosen);
}

export interface PayloadParts {
  issue?: Record<string, unknown>;
  comment?: Record<string, unknown>;
  label?: Record<string, unknown>;
  changes?: Record<string, unknown>;
}

export function buildPayload(render: Renderer, name: EventName, action: string, parts: PayloadParts, sender: string): Record<string, unknown> {
  const base = example(name, action);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) {
    switch (key) {
      case 'action':
        out.action = action;
        break;
      case 'installation':
        break; // workflow runs in the repository itself receive no App installation
      case 'organization':
        if (render.store.ownerIsOrg) out.organization = render.organization();
        break;
      case 'repository':
        out.repository = overlay(value as Record<string, unknown>, render.repository(null));
        break;
      case 'sender':
        out.sender = render.userByLogin(sender);
        break;
      case 'issue':
      case 'comment':
      case 'label':
      case 'changes':
        if (parts[key] !== undefined) out[key] = parts[key];
        break;
      default:
        out[key] = value;
    }
  }
  for (const key of ['issue', 'comment', 'label', 'changes'] as const) if (parts[key] !== undefined) out[key] ??= parts[key];
  if (render.store.ownerIsOrg && !('organization' in out)) {
    // GitHub adds the organisation to every delivery from an organisation's repository.
    const { sender: s, ...rest } = out;
    return { ...rest, organization: render.organization(), sender: s };
  }
  return out;
}

/** The example's keys, with the emulator's values wherever it has one. */
function overlay(shape: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(shape).map((k) => [k, k in values ? values[k] : shape[k]]));
}
