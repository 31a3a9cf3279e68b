// The offline GitHub: an in-process emulator of the REST endpoints mentorkit uses, validated request by request
// against GitHub's own OpenAPI description, emitting the webhook events each change would trigger.
export { startEmulator, Emulator, type StateSnapshot, type StateUser, type StateLabel, type StateIssueEvent, type StatePull } from './emulator.ts';
export { ActionError, type Actor, type ActionResult } from './actor.ts';
export { ISSUE_FORM_HEADER } from './server.ts';
export { BOT_LOGIN, BOT_ID } from './state.ts';
export { OPERATIONS } from './spec.ts';
export { blobSha } from './git.ts';
export { seedIssues, type SeedIssue, type SeedComment, type SeedLabel } from './seed.ts';
export type {
  Call,
  CallFilter,
  EmulatorEvent,
  EmulatorOptions,
  EventName,
  FaultSpec,
  IssueEventName,
  LabelInit,
  LatencyFn,
  PayloadComment,
  PayloadIssue,
  PayloadLabel,
  PayloadUser,
  WebhookPayload,
  Role,
  UserSpec,
  Violation,
} from './types.ts';
