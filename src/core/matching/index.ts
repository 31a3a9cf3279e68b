/** The matching core (docs/matching.md): pure, no I/O, no clock. */
export * from './score.ts';
export * from './assign.ts';
export * from './groups.ts';
export * from './matches-file.ts';
