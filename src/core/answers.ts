// One module per function, as in clock.ts: the package index loads all of date-fns.
import { addDays } from 'date-fns/addDays';
import { formatISO } from 'date-fns/formatISO';
import { parseISO } from 'date-fns/parseISO';
import { emptyDecision, type Decision } from './decision.ts';
import { otherStatusLabels, mentorOf, statusLabel, statusOf, type Status } from './labels.ts';
import { COMMANDS, commandsFor, viaKey, type CommandInput, type CommandName } from './commands.ts';
import type { Role } from './roles.ts';
import { activeClock, checkAcceptance, claim } from './accept.ts';
import { askedMentors, cannotTakeOver, decideDecline, handOver } from './decline.ts';
import { decideIntake, type IntakeInput } from './intake.ts';
import { FIELD, parseRequest, normalizeLogin } from './request-form.ts';
import { topicResolver } from './profile.ts';
import { didYouMean } from './suggest.ts';
import { menteeFromRequest, suggestMentors } from './suggestions.ts';
import { GITHUB_LOGIN } from './github-login.ts';
import { decidePartnershipCommand } from './partnership-commands.ts';
import { unblockedMentors } from './abuse.ts';
import { helpComment, labelRevertedComment, reassignedWhy, refusedComment, reopenRefusedComment, reopenedComment, savedComment, suggestComment, withdrawnComment } from './messages.ts';

/**
 * Every command and hand-set status label is decided here, from plain data: who acts, on which request, in
 * which state, against the live list of open requests. A refusal changes nothing but says why (and a refused
 * label is taken off again).
 */

const VERB: Record<CommandName, string> = {
  accept: 'accept',
  decline: 'decline',
  later: 'save for later',
  withdraw: 'withdraw',
  reassign: 'reassign',
  reopen: 'reopen',
  agree: 'agree for',
  goal: 'add goals to',
  done: 'tick goals of',
  checkin: 'record check-ins on',
  end: 'end',
  complete: 'complete',
  extend: 'extend',
  suggest: 'ask for suggestions on',
};

const PARTNERSHIP_COMMANDS: readonly CommandName[] = ['agree', 'goal', 'done', 'checkin', 'end', 'complete', 'extend'];


/** The status label a person may set by hand instead of a command, and the command it stands for. */
export const STATUS_LABEL_COMMANDS: Partial<Record<Status, CommandName>> = { active: 'accept', declined: 'decline' };

function rolesAllowed(name: CommandName, viaLabel: boolean): readonly Role[] {
  const roles: readonly Role[] = COMMANDS[name].roles;
  // A collaborator may set the two status labels by hand (DESIGN.md); commands stay with the people involved.
  return viaLabel ? [...roles, 'collaborator'] : roles;
}

function whoMay(name: CommandName, mentor: string | undefined, mentee: string, viaLabel: boolean): string {
  const people = rolesAllowed(name, viaLabel).map((r) =>
    r === 'mentor' ? (mentor ? `the requested mentor (@${mentor})` : 'the requested mentor') :
    r === 'mentee' ? `the mentee who filed it (@${mentee})` :
    r === 'maintainer' ? 'a program maintainer (listed in program.yml)' :
    'a repository collaborator with write access',
  );
  const list = people.length > 1 ? `${people.slice(0, -1).join(', ')} or ${people[people.length - 1]}` : people[0];
  return `only ${list} can ${VERB[name]} this ${PARTNERSHIP_COMMANDS.includes(name) ? 'partnership' : 'request'}.`;
}

export function refuse(input: Pick<CommandInput, 'issue' | 'via' | 'actor'> & { command?: { name: string } }, why: string): Decision[] {
  const { issue, via, actor, command } = input;
  const d = emptyDecision(issue.number);
  if (via.kind === 'label') {
    d.removeLabels.push(via.label);
    d.comments.push({ kind: 'refused', key: `${issue.number}.${viaKey(via, actor.login)}`, mode: 'upsert', body: labelRevertedComment(actor.login, via.label, why) });
    d.notes.push(`Reverted ${via.label} set by @${actor.login}: ${why}`);
  } else {
    d.comments.push({ kind: 'refused', key: `${issue.number}.${viaKey(via, actor.login)}`, mode: 'once', body: refusedComment(actor.login, `/${command?.name}`, why) });
    d.notes.push(`Refused /${command?.name} by @${actor.login}: ${why}`);
  }
  return [d];
}

function stateRefusal(name: CommandName, status: Status | 'none', mentee: string): string {
  switch (status) {
    case 'invalid':
      return `the request still has problems for @${mentee} to fix (see my checklist above). It can be answered once it passes the checks.`;
    case 'active':
      return name === 'withdraw' || name === 'decline'
        ? 'the partnership is already active, so it can’t be withdrawn or declined. To end it early, talk to your partner and a program maintainer.'
        : 'the partnership is already active.';
    case 'saved':
      return 'the request is already saved for later.';
    case 'none':
      return 'this issue has no status label, so it isn’t a request I’m tracking. A maintainer can check it.';
    default:
      return `the request is ${status}.`;
  }
}

/** Decide one command (or hand-set status label) on one request. The first decision is for this issue. */
export function decideCommand(input: CommandInput): Decision[] {
  const plan = decide(input);
  // The same event run again (a re-run after a failure, or a duplicate delivery) finds the request already
  // changed by its first run. If the bot has answered this very command before, a refusal now would only be the
  // echo of its own effect: say nothing. Effects are still applied; they are idempotent and finish a half-done run.
  const key = viaKey(input.via, input.actor.login);
  const answered = input.via.kind === 'comment' && input.records.some((r) => r.key.split('.').slice(-1)[0] === key);
  // Only a refusal is dropped: a decision that completes what a stopped run left undone (labels, the clock) stands.
  const refusal = plan.length === 1 && plan[0]!.comments.length > 0 && plan[0]!.comments.every((c) => c.kind === 'refused');
  if (answered && refusal) {
    const d = emptyDecision(input.issue.number);
    d.notes.push(`/${input.command.name} by @${input.actor.login} was answered by an earlier run; nothing more to do.`);
    return [d];
  }
  return plan;
}

function decide(input: CommandInput): Decision[] {
  const { issue, actor, command, via, program } = input;
  const viaLabel = via.kind === 'label';
  // A hand-set label is already on the issue: the state it changes is the one without it.
  const labels = viaLabel ? issue.labels.filter((l) => l !== via.label) : issue.labels;
  const status: Status | 'none' = statusOf(labels) ?? 'none';
  if (viaLabel && status === 'none' && statusOf(issue.labels)) return labelInEffect(input);
  const mentorLabels = labels.filter((l) => l.startsWith('mentor:'));
  const mentor = mentorOf(labels);
  const name = command.name;

  const suggestsOnClosed = name === 'suggest' && COMMANDS.suggest.states.includes(status as never);
  if (issue.state === 'closed' && name !== 'reopen' && !suggestsOnClosed) {
    if (status === 'completed' || status === 'ended') {
      return refuse(input, `this partnership has ${status === 'completed' ? 'been completed' : 'ended'}, so commands no longer apply to it. Its card stays as the record; @${issue.author} can file a new request from the directory.`);
    }
    return refuse(input, `this request is closed${status === 'none' ? '' : ` (${status})`}, so commands no longer apply to it. A maintainer can reopen it with \`/reopen\`.`);
  }
  const allowed = rolesAllowed(name, viaLabel);
  if (!actor.roles.some((r) => allowed.includes(r))) return refuse(input, whoMay(name, mentor, issue.author, viaLabel));
  if (mentorLabels.length > 1 && name !== 'withdraw' && name !== 'reassign') {
    return refuse(input, `the request carries ${mentorLabels.length} mentor labels (${mentorLabels.join(', ')}), so I can’t tell who the mentor is. A maintainer can fix it with \`/reassign @login\`.`);
  }
  const key = `${issue.number}.${viaKey(via, actor.login)}`;

  if (PARTNERSHIP_COMMANDS.includes(name)) {
    if (status !== 'active') return refuse(input, `\`${COMMANDS[name].usage}\` is for an active partnership, and this request is ${status === 'none' ? 'not one I track' : status}.`);
    return decidePartnershipCommand(input, (why) => refuse(input, why));
  }

  switch (name) {
    case 'accept': {
      if (status === 'active' && mentor) {
        const announced = input.records.find((r) => r.kind === 'accepted' && r.key === `${issue.number}.${mentor}`);
        // Never announced (a run stopped half-way), or announced in answer to this very command (the same event
        // run again): settling again completes what is missing and repeats nothing.
        if (!announced || (via.kind === 'comment' && announced.id > via.id)) {
          return [claim(issue.number, labels, `Completing the acceptance of #${issue.number}.`)];
        }
      }
      if (!COMMANDS.accept.states.includes(status as never)) return refuse(input, stateRefusal(name, status, issue.author));
      if (!mentor) return refuse(input, stateRefusal(name, 'none', issue.author));
      const live = checkAcceptance(program, input.mentors.get(mentor), mentor, issue.author, issue.number, input.openRequests);
      if (!live.ok) return refuse(input, live.why);
      const months = parseRequest(issue.body, program).request.term ?? Math.min(...program.terms);
      return [claim(issue.number, labels, `Claimed: @${actor.login} accepts #${issue.number} for @${mentor}; settling against concurrent acceptances.`, activeClock(input.today, months))];
    }
    case 'decline': {
      if (!COMMANDS.decline.states.includes(status as never) || !mentor) return refuse(input, stateRefusal(name, mentor ? status : 'none', issue.author));
      return [decideDecline({ ...input, issue: { ...issue, labels }, mentor, status: status as Status, by: actor, args: command.args, key: viaKey(via, actor.login) })];
    }
    case 'later': {
      if (status !== 'pending' || !mentor) return refuse(input, stateRefusal(name, mentor ? status : 'none', issue.author));
      const until = formatISO(addDays(parseISO(input.today), program.limits.save_for_later_days), { representation: 'date' });
      const d = emptyDecision(issue.number);
      d.clock = { v: 1, status: 'saved', since: input.today, sent: [] };
      d.addLabels.push(statusLabel('saved'));
      d.removeLabels.push(...otherStatusLabels('saved'));
      d.comments.push({ kind: 'saved', key, mode: 'once', body: savedComment(issue.author, mentor, actor.login, input.today, until) });
      d.notes.push(`Saved for later on ${input.today}, until ${until}.`);
      return [d];
    }
    case 'withdraw': {
      if (!COMMANDS.withdraw.states.includes(status as never)) return refuse(input, stateRefusal(name, status, issue.author));
      const d = emptyDecision(issue.number);
      d.addLabels.push(statusLabel('withdrawn'));
      d.removeLabels.push(...otherStatusLabels('withdrawn'));
      d.comments.push({ kind: 'withdrawn', key, mode: 'once', body: withdrawnComment(issue.author, status === 'invalid' ? undefined : mentor, actor.login) });
      d.close = { reason: 'not_planned' };
      d.notes.push(`Withdrawn by @${actor.login}.`);
      return [d];
    }
    case 'reassign': {
      if (!COMMANDS.reassign.states.includes(status as never)) return refuse(input, stateRefusal(name, status, issue.author));
      const target = normalizeLogin(command.args.split(/\s+/)[0]);
      if (!target || !GITHUB_LOGIN.test(target)) {
        return refuse(input, `\`/reassign\` needs the new mentor’s login, like \`/reassign @ada-example\`${command.args ? ` (“${command.args}” is not a GitHub login)` : ''}.`);
      }
      if (mentor && target === mentor.toLowerCase()) return refuse(input, `@${target} is already the mentor of this request.`);
      const no = cannotTakeOver(target, { ...input, mentee: issue.author, issue: issue.number });
      if (no) return refuse(input, `@${target} can’t take this request: ${no}.`);
      const { request } = parseRequest(issue.body, program);
      return [handOver(program, { ...issue, labels }, input.mentors.get(target)!, request, { login: mentor ?? target, why: reassignedWhy(actor.login, mentor) }, [], `${issue.number}.${target}.${viaKey(via, actor.login)}`, new Set([...askedMentors(input.records), ...(mentor ? [mentor] : [])]), input.today)];
    }
    case 'reopen': {
      if (issue.state === 'open') return refuse(input, 'the request is already open.');
      if (!COMMANDS.reopen.states.includes(status as never)) {
        return refuse(input, `a ${status} partnership stays closed: it is the record of what happened. Ask @${issue.author} to file a new request.`);
      }
      // The blocklist counts here too (a paused mentee or mentor); the reads the other abuse limits need are the
      // intake handler's, which a hand reopen goes through.
      const d = throughIntake({ ...input, ...(input.blocklist ? { abuse: { blocklist: input.blocklist } } : {}) }, labels, viaKey(via, actor.login));
      d.comments.unshift({ kind: 'reopened', key, mode: 'once', body: reopenedComment(actor.login) });
      d.reopen = true;
      return [d];
    }
    case 'suggest':
      return decideSuggest(input, status, mentor, key);
    default:
      return refuse(input, `\`/${name}\` is not a request command.`);
  }
}

/**
 * Back through intake, as if the mentee had just filed it: every rule is checked against live state. The status
 * labels are left out of what intake sees (the request ended; its old status says nothing about now) and taken
 * off, so the status and the clock come out of the same check.
 */
function throughIntake(
  input: Pick<CommandInput, 'program' | 'mentors' | 'issue' | 'openRequests' | 'today'> & Pick<IntakeInput, 'abuse' | 'eligibility'>,
  labels: readonly string[],
  suffix: string,
): Decision {
  const d = decideIntake({
    program: input.program,
    mentors: input.mentors,
    issue: { ...input.issue, state: 'open', labels: labels.filter((l) => !l.startsWith('status:')) },
    action: 'reopened',
    openRequests: input.openRequests,
    today: input.today,
    ...(input.abuse ? { abuse: input.abuse } : {}),
    ...(input.eligibility ? { eligibility: input.eligibility } : {}),
  });
  d.removeLabels.push(...labels.filter((l) => l.startsWith('status:') && !d.addLabels.includes(l)));
  // The mentor was told the request had ended; the welcome is posted again so they are asked again.
  d.comments = d.comments.map((c) => (c.kind === 'welcome' ? { ...c, key: `${c.key}.${suffix}` } : c));
  return d;
}

/** Statuses a request ends in; a person who reopens such a request by hand gets the answer `/reopen` would give. */
const ENDED: readonly Status[] = ['declined', 'withdrawn', 'expired', 'completed', 'ended'];

export function endedByStatus(labels: readonly string[]): boolean {
  const status = statusOf(labels);
  return status !== undefined && ENDED.includes(status);
}

export interface HandReopenInput extends Pick<CommandInput, 'program' | 'mentors' | 'issue' | 'openRequests' | 'today' | 'actor'>, Pick<IntakeInput, 'abuse' | 'eligibility'> {
  /** Marker-safe and the same for the same event, so a re-run posts nothing twice (and a later reopen asks again). */
  key: string;
}

/**
 * A request that had ended (declined, withdrawn, expired) and was reopened with GitHub's Reopen button rather
 * than `/reopen`. Left as it was, the issue would be open with a final status and the clock of its last waiting
 * phase. The button stands for `/reopen`, as a hand-set status label stands for its command: a maintainer or a
 * repository collaborator gets what `/reopen` does (every rule checked again: pending with a fresh clock, or
 * invalid with what to fix); anyone else, and anyone reopening a finished partnership, sees it closed again with
 * the reason.
 */
export function decideHandReopen(input: HandReopenInput): Decision {
  const { issue, actor } = input;
  const status = statusOf(issue.labels)!;
  const n = issue.number;
  if (status === 'completed' || status === 'ended') {
    const d = emptyDecision(n);
    d.close = { reason: 'completed' };
    d.comments.push({ kind: 'reopen-refused', key: `${n}.${input.key}`, mode: 'once', body: reopenRefusedComment(actor.login, `this partnership has ${status === 'completed' ? 'been completed' : 'ended'}, and its card is the record of what happened. @${issue.author} can file a new request from the directory.`) });
    d.notes.push(`Reopened by hand by @${actor.login}, but a ${status} partnership stays closed: closed again.`);
    return d;
  }
  const allowed = rolesAllowed('reopen', true);
  if (!actor.roles.some((r) => allowed.includes(r))) {
    const d = emptyDecision(n);
    d.close = { reason: 'not_planned' };
    d.comments.push({ kind: 'reopen-refused', key: `${n}.${input.key}`, mode: 'once', body: reopenRefusedComment(actor.login, `this request was ${status}, and only a program maintainer (listed in program.yml) or a repository collaborator with write access can reopen it. @${issue.author} can file a new request from the directory.`) });
    d.notes.push(`Reopened by hand by @${actor.login}, who may not reopen a ${status} request: closed again.`);
    return d;
  }
  const d = throughIntake(input, issue.labels, input.key);
  const role = actor.roles.includes('maintainer') ? 'a maintainer' : 'a repository collaborator';
  d.comments.unshift({ kind: 'reopened', key: `${n}.${input.key}`, mode: 'once', body: reopenedComment(actor.login, role) });
  d.notes.unshift(`Reopened by hand by @${actor.login} (${role}); checked again like /reopen.`);
  return d;
}

/**
 * The hand-set label is the request's only status: an earlier run already took it in (this is the same event
 * again). An acceptance is settled again, announced or not: a run may have stopped after the announcement and
 * before withdrawing the mentee's other requests, and settling repeats nothing that is done. Anything else is done.
 */
function labelInEffect(input: CommandInput): Decision[] {
  const { issue } = input;
  const mentor = mentorOf(issue.labels);
  if (input.command.name === 'accept' && issue.state === 'open' && mentor) {
    return [claim(issue.number, issue.labels, `Completing the acceptance of #${issue.number}.`)];
  }
  const d = emptyDecision(issue.number);
  d.notes.push(`${input.via.kind === 'label' ? input.via.label : ''} is already the request's status; nothing to do.`);
  return [d];
}

/** The help reply to unknown commands: the ones this person may use on this request as it is now. */
export function decideHelp(input: Omit<CommandInput, 'command' | 'via'> & { unknown: string[]; commentId: number }): Decision {
  const { issue, actor } = input;
  const status: Status | 'none' = statusOf(issue.labels) ?? 'none';
  const names = commandsFor(actor.roles, status, issue.state === 'open').filter((n) => n !== 'reopen' || COMMANDS.reopen.states.includes(status as never));
  const d = emptyDecision(issue.number);
  const mentor = mentorOf(issue.labels);
  const who = `Commands here are for ${mentor ? `@${mentor}, ` : ''}@${issue.author} and the program maintainers.`;
  d.comments.push({ kind: 'help', key: `${issue.number}.c${input.commentId}`, mode: 'once', body: helpComment(actor.login, input.unknown, names.map((n) => COMMANDS[n]), who) });
  d.notes.push(`Unknown command${input.unknown.length === 1 ? '' : 's'} ${input.unknown.map((n) => `/${n}`).join(', ')} from @${actor.login}: replied with help.`);
  return d;
}

/**
 * `/suggest [topics]`: the five mentors who fit best, by the matching score, leaving out the mentee, the mentors
 * already asked or named in this request, and anyone without a free slot. Topics in the arguments replace the
 * request's areas (ids, synonyms or labels), so a mentee can look beyond what they first asked for.
 */
function decideSuggest(input: CommandInput, status: Status | 'none', mentor: string | undefined, key: string): Decision[] {
  const { program, issue, actor } = input;
  if (!COMMANDS.suggest.states.includes(status as never)) return refuse(input, stateRefusal('suggest', status, issue.author));
  const { request } = parseRequest(issue.body, program);
  let topics = request.areas;
  let basis = 'this request';
  if (input.command.args.trim()) {
    const { canonical, ids } = topicResolver(program);
    const byLabel = new Map(program.taxonomy.topics.map((t) => [t.label.toLowerCase(), t.id]));
    const words = input.command.args.split(/\s*,\s*/).flatMap((part) => (byLabel.has(part.trim().toLowerCase()) ? [part.trim()] : part.split(/\s+/))).filter(Boolean);
    const unknown = words.filter((w) => !canonical.has(w.toLowerCase()) && !byLabel.has(w.toLowerCase()));
    if (unknown.length) {
      return refuse(input, `${unknown.map((u) => `“${u}”`).join(', ')} ${unknown.length === 1 ? 'is not a topic' : 'are not topics'} of this program. ${didYouMean(unknown[0]!.toLowerCase(), ids)}Use topic ids separated by commas, like \`/suggest ${ids.slice(0, 2).join(', ')}\`; the topics are listed in the directory.`);
    }
    topics = [...new Set(words.map((w) => canonical.get(w.toLowerCase()) ?? byLabel.get(w.toLowerCase())!))];
    basis = `the topics ${topics.join(', ')}`;
  }
  if (topics.length === 0) {
    return refuse(input, `this request names no area of guidance, so I can’t tell who would fit. Fix the “${FIELD.areas.label}” field, or name topics: \`/suggest data-science, open-source\`.`);
  }
  const suggestions = suggestMentors({
    program,
    mentors: unblockedMentors(input.mentors, input.blocklist),
    openRequests: input.openRequests,
    mentee: { ...menteeFromRequest(request, issue.author, input.mentors), topics },
    // Already asked or named: suggesting them again tells the mentee nothing new.
    exclude: [...askedMentors(input.records), ...(mentor ? [mentor] : []), request.mentor, ...request.alternates].filter(Boolean),
    today: input.today,
    count: 5,
  });
  const d = emptyDecision(issue.number);
  d.comments.push({ kind: 'suggestions', key, mode: 'once', body: suggestComment(program, actor.login, issue.author, suggestions, basis) });
  d.notes.push(`/suggest by @${actor.login}: ${suggestions.map((s) => `@${s.profile.github}`).join(', ') || 'nobody fits'}.`);
  return [d];
}
