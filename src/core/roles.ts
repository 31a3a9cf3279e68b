import type { Program } from './program.ts';

/**
 * Who someone is on one request. A person can hold several roles at once (a maintainer may also be the
 * mentee). Identity is always the exact login, compared case-insensitively: `mentor-x` is not `mentor`.
 */
export type Role = 'mentor' | 'mentee' | 'maintainer' | 'collaborator';

/** Repository permission as the REST permission endpoint reports it. */
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface Actor {
  login: string;
  roles: readonly Role[];
}

const eq = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

export function isMaintainer(program: Program, login: string): boolean {
  return program.maintainers.some((m) => eq(m, login));
}

/**
 * Collaborators are people with push access. Triage can label issues but was given to sort them, not to
 * decide partnerships, so it does not count.
 */
export function isCollaborator(permission: Permission | undefined): boolean {
  return permission === 'admin' || permission === 'maintain' || permission === 'write';
}

export function rolesOf(
  login: string,
  on: { program: Program; author: string; mentor: string | undefined; permission?: Permission },
): Role[] {
  const roles: Role[] = [];
  if (eq(on.mentor, login)) roles.push('mentor');
  if (eq(on.author, login)) roles.push('mentee');
  if (isMaintainer(on.program, login)) roles.push('maintainer');
  if (isCollaborator(on.permission)) roles.push('collaborator');
  return roles;
}
