// Who someone is to the repository and its organisation, with GitHub's visibility rules: what a request can
// learn depends on who asks, and GITHUB_TOKEN (an installation token without organisation permissions) sees
// only what the public sees.
import { HttpError, errorBody, forbidden, notAccessibleByIntegration, notFound } from '../errors.ts';
import { BOT_LOGIN } from '../state.ts';
import type { Role } from '../types.ts';
import { type Ctx, type Handler, json, noContent } from './context.ts';

/** `permission` is the legacy base role: maintain reads as write, triage as read. */
const LEGACY: Record<Role, string> = { admin: 'admin', maintain: 'write', write: 'write', triage: 'read', read: 'read' };

function requireUser(ctx: Ctx) {
  const u = ctx.store.user(ctx.params.username ?? '');
  if (!u) throw notFound(ctx.docsUrl);
  return u;
}

function repository(ctx: Ctx): ReturnType<Handler> {
  return json(200, ctx.render.repository(ctx.user));
}

function permission(ctx: Ctx): ReturnType<Handler> {
  const u = requireUser(ctx);
  const { store } = ctx;
  // Everyone can read a public repository, so people without a role come back as "read".
  const role: Role = store.role(u.login) ?? 'read';
  const at = (r: Role) => store.atLeast(u.login, r);
  return json(200, {
    permission: LEGACY[role],
    role_name: role,
    user: {
      ...ctx.render.simpleUser(u),
      permissions: { admin: at('admin'), maintain: at('maintain'), push: at('write'), triage: at('triage'), pull: true },
      role_name: role,
    },
  });
}

function checkCollaborator(ctx: Ctx): ReturnType<Handler> {
  if (!ctx.store.atLeast(ctx.user, 'write')) throw forbidden(ctx.docsUrl, 'Must have push access to view repository collaborators.');
  const u = ctx.store.user(ctx.params.username ?? '');
  if (!u || u.login === BOT_LOGIN || ctx.store.role(u.login) === null) throw notFound(ctx.docsUrl);
  return noContent();
}

function isOrgMember(ctx: Ctx, org: string, login: string): boolean {
  return login !== BOT_LOGIN && ctx.store.orgMembership(org, login) !== null;
}

function checkMembership(ctx: Ctx): ReturnType<Handler> {
  const org = ctx.params.org ?? '';
  const username = ctx.params.username ?? '';
  if (!ctx.store.orgs.has(org.toLowerCase())) throw notFound(ctx.docsUrl);
  if (!isOrgMember(ctx, org, ctx.user)) {
    // Outsiders (and GITHUB_TOKEN) are redirected to the public list; fetch follows it, so a private member
    // ends up as 404 for them.
    return { status: 302, headers: { location: `${ctx.render.api}/orgs/${org}/public_members/${username}` } };
  }
  if (ctx.store.orgMembership(org, username) === null) throw notMember(ctx, 'a member');
  return noContent();
}

function checkPublicMembership(ctx: Ctx): ReturnType<Handler> {
  if (ctx.store.orgMembership(ctx.params.org ?? '', ctx.params.username ?? '') !== 'public') throw notMember(ctx, 'a public member');
  return noContent();
}

function notMember(ctx: Ctx, what: string): HttpError {
  return new HttpError(404, errorBody(404, `User does not exist or is not ${what} of the organization`, ctx.docsUrl));
}

function teamMembership(ctx: Ctx): ReturnType<Handler> {
  const org = ctx.params.org ?? '';
  const team = ctx.store.team(org, ctx.params.team_slug ?? '');
  // Teams are visible to organisation members only; GITHUB_TOKEN cannot read them at all.
  if (!team || !isOrgMember(ctx, org, ctx.user)) throw notFound(ctx.docsUrl);
  const u = ctx.store.user(ctx.params.username ?? '');
  if (!u || !team.members.has(u.login.toLowerCase())) throw notFound(ctx.docsUrl);
  const orgId = ctx.store.user(org)?.id ?? 0;
  return json(200, {
    url: `${ctx.render.api}/organizations/${orgId}/team/${team.id}/memberships/${u.login}`,
    role: 'member',
    state: 'active',
  });
}

function getUser(ctx: Ctx): ReturnType<Handler> {
  return json(200, ctx.render.publicUser(requireUser(ctx)));
}

function authenticated(ctx: Ctx): ReturnType<Handler> {
  if (ctx.viaBot) throw notAccessibleByIntegration(ctx.docsUrl);
  return json(200, ctx.render.privateUser(ctx.store.ensureUser(ctx.user)));
}

export const peopleHandlers: Record<string, Handler> = {
  'repos/get': repository,
  'repos/get-collaborator-permission-level': permission,
  'repos/check-collaborator': checkCollaborator,
  'orgs/check-membership-for-user': checkMembership,
  'orgs/check-public-membership-for-user': checkPublicMembership,
  'teams/get-membership-for-user-in-org': teamMembership,
  'users/get-by-username': getUser,
  'users/get-authenticated': authenticated,
};
