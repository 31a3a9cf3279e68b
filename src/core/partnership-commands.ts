import { emptyDecision, type Decision } from './decision.ts';
import { ENDING_LABEL, otherStatusLabels, statusLabel } from './labels.ts';
import { viaKey, type BotRecord, type CommandInput } from './commands.ts';
import { plusMonths } from './clock.ts';
import { findCard, longestTerm, noticeEnd, partnershipClock, renderCard, type Partnership } from './partnership.ts';
import { termOption } from './request-form.ts';
import { closingComment, completeAskedComment, endingComment, extendAskedComment, extendedComment } from './messages.ts';

/**
 * The commands of an active partnership. Each one edits the card (the bot's acceptance comment) in place; the
 * ones that change a date also update the request's clock, so the daily sweep sees it without reading the thread.
 */

type Refuse = (why: string) => Decision[];

const MAX_GOALS = 20;
const MAX_TEXT = 200;
/** Commands remembered on the card for re-deliveries: GitHub re-delivers within hours, not hundreds of commands later. */
const MAX_HANDLED = 100;

export function decidePartnershipCommand(input: CommandInput, refuse: Refuse): Decision[] {
  const { issue, actor, command, program, records, today } = input;
  const card = findCard(records, issue.number);
  if (!card) {
    return refuse('I can’t find this partnership’s card (my acceptance comment with its record), so I can’t record that. A program maintainer can look into it.');
  }
  const s: Partnership = structuredClone(card.state);
  const who = actor.login;
  const me = who.toLowerCase();
  const isParty = me === s.mentor.toLowerCase() || me === s.mentee.toLowerCase();
  const other = me === s.mentor.toLowerCase() ? s.mentee : s.mentor;
  const isMaintainer = actor.roles.includes('maintainer');
  const via = viaKey(input.via, who);
  const key = `${issue.number}.${via}`;
  const args = command.args.trim();
  if (s.closed) {
    // The card says closed but the issue is still open: a run stopped after editing the card. Finish closing.
    return closePartnership(input, card.record, s, s.closed.as, `it closed on ${s.closed.on}`);
  }
  if (s.handled.includes(via)) {
    // The same event again (a re-run or a duplicate delivery): its effect is on the card already. Only what a
    // run that stopped after the card's edit may have left undone is completed: the ending label and the clock.
    const d = emptyDecision(issue.number);
    if (s.ending) d.addLabels.push(ENDING_LABEL);
    d.clock = partnershipClock(s, records, issue.number);
    d.notes.push(`/${command.name} by @${who} is on the card already; nothing more to do.`);
    return [d];
  }
  // Recorded with whatever this command changes on the card (a refusal leaves the card as it was).
  s.handled = [...s.handled, via].slice(-MAX_HANDLED);
  const update = (note: string, extra: Partial<Decision> = {}) => [cardUpdate(input, card.record, s, note, extra)];

  switch (command.name) {
    case 'agree': {
      if (s.agreed[me]) return refuse(`you already agreed on ${s.agreed[me]}.`);
      s.agreed[me] = today;
      return update(`@${who} agreed to the mentoring agreement.`);
    }
    case 'goal': {
      if (!args) return refuse('`/goal` needs the goal itself, like `/goal Submit the first draft of my thesis chapter by March`.');
      if (args.length > MAX_TEXT) return refuse(`a goal can be at most ${MAX_TEXT} characters (this one has ${args.length}). Shorten it, or split it into two goals.`);
      if (s.goals.length >= MAX_GOALS) return refuse(`the plan already has ${MAX_GOALS} goals, the most a card holds. Tick some with \`/done <number>\` first.`);
      s.goals.push({ text: args, by: who, added: today });
      return update(`Goal ${s.goals.length} added by @${who}.`);
    }
    case 'done': {
      const n = /^#?(\d+)$/.exec(args)?.[1];
      const goal = n ? s.goals[Number(n) - 1] : undefined;
      if (!goal) {
        return refuse(
          s.goals.length
            ? `\`/done\` needs the number of a goal on the card, from 1 to ${s.goals.length}, like \`/done 1\`${args ? ` (“${args}” is not one)` : ''}.`
            : 'there are no goals on the card yet. Add one with `/goal <text>`.',
        );
      }
      if (goal.done) return refuse(`goal ${n} was already ticked on ${goal.done}.`);
      goal.done = today;
      return update(`Goal ${n} done, ticked by @${who}.`);
    }
    case 'checkin': {
      s.checkins.push({ date: today, by: who, note: args.slice(0, MAX_TEXT) });
      return update(`Check-in recorded by @${who}; the check-in reminder counts from today.`);
    }
    case 'end': {
      if (s.ending) {
        if (s.ending.by.toLowerCase() === me) return refuse(`you already gave notice on ${s.ending.given}: the partnership ends on ${s.ending.on}.`);
        // The other partner (or a maintainer) ends it too: both agree, so no notice is needed.
        const why = isParty ? `both of you agreed to end it early (@${s.ending.by} gave notice, @${who} agreed)` : `@${who} (a maintainer) ended it early, after the notice @${s.ending.by} gave on ${s.ending.given}`;
        return closePartnership(input, card.record, s, 'ended', why, via);
      }
      s.ending = { on: noticeEnd(s, program, today), by: who, reason: args.slice(0, MAX_TEXT), given: today };
      const tell = isParty ? other : `${s.mentee}, @${s.mentor}`;
      return update(`@${who} gave notice: the partnership ends on ${s.ending.on}.`, {
        addLabels: [ENDING_LABEL],
        comments: [{ kind: 'ending', key, mode: 'once', body: endingComment(who, tell, s.ending.on, s.ending.reason) }],
      });
    }
    case 'complete': {
      if (isMaintainer && !isParty) return closePartnership(input, card.record, s, 'completed', `@${who} (a maintainer) marked it complete`, via);
      if (s.complete.some((c) => c.toLowerCase() === me)) return refuse(`you already marked it complete; it ends when @${other} does too.`);
      s.complete.push(who);
      const both = [s.mentor, s.mentee].every((p) => s.complete.some((c) => c.toLowerCase() === p.toLowerCase()));
      if (both || isMaintainer) return closePartnership(input, card.record, s, 'completed', 'both of you marked the goals as met', via);
      return update(`@${who} marked the partnership complete; waiting for @${other}.`, {
        comments: [{ kind: 'complete-asked', key, mode: 'once', body: completeAskedComment(who, other) }],
      });
    }
    case 'extend': {
      const m = /^(\d+)\s*(months?)?$/i.exec(args)?.[1];
      const months = m ? Number(m) : 0;
      const longest = longestTerm(program);
      if (!months) return refuse(`\`/extend\` needs a number of months, like \`/extend 3\`${args ? ` (“${args}” is not one)` : ''}.`);
      if (s.ending) return refuse(`notice to end was given on ${s.ending.given}, so the term can’t be extended. To change your minds, ask a program maintainer.`);
      if (s.months + months > longest) {
        const room = longest - s.months;
        return refuse(`the longest term in this program is ${termOption(longest)}, and this partnership already runs ${termOption(s.months)}${room > 0 ? `, so it can be extended by at most ${termOption(room)}` : ''}.`);
      }
      const agreed = s.extend && s.extend.by.toLowerCase() !== me && s.extend.months === months;
      if (isMaintainer || agreed) {
        s.months += months;
        s.end = plusMonths(s.start, s.months);
        delete s.extend;
        return update(`Extended by ${termOption(months)}: the term now ends on ${s.end}.`, {
          comments: [{ kind: 'extended', key, mode: 'once', body: extendedComment(s.mentee, s.mentor, months, s.end) }],
        });
      }
      s.extend = { months, by: who, asked: today };
      return update(`@${who} asked to extend by ${termOption(months)}; waiting for @${other}.`, {
        comments: [{ kind: 'extend-asked', key, mode: 'once', body: extendAskedComment(who, other, months) }],
      });
    }
    default:
      return refuse(`\`/${command.name}\` is not a partnership command.`);
  }
}

/**
 * Edit the card to show the new state; the clock follows whatever dates changed. The card is edited after the
 * other comments: it records the command as handled, so it must be the last thing a run that stops half-way did.
 */
function cardUpdate(input: Pick<CommandInput, 'program' | 'agreement' | 'records'> & { issue: { number: number } }, card: BotRecord, s: Partnership, note: string, extra: Partial<Decision> = {}): Decision {
  const d = emptyDecision(input.issue.number);
  d.comments.push(...(extra.comments ?? []), { kind: card.kind, key: card.key, mode: 'upsert', body: renderCard(input.program, input.agreement, s) });
  d.addLabels.push(...(extra.addLabels ?? []));
  d.clock = partnershipClock(s, input.records, input.issue.number);
  d.notes.push(note);
  return d;
}

/**
 * Term over, goals met, or notice run out: the final status, the card's last edit, and thanks to both. `via` is
 * the command that closes it (none for the sweep): the thanks carry it in their key, so the same command
 * delivered again to the closed issue is known as answered and not refused.
 */
export function closePartnership(
  input: Pick<CommandInput, 'program' | 'agreement' | 'records' | 'today'> & { issue: { number: number } },
  card: BotRecord,
  state: Partnership,
  as: 'completed' | 'ended',
  why: string,
  via?: string,
): Decision[] {
  const n = input.issue.number;
  const s = { ...state, closed: state.closed ?? { as, on: input.today } };
  delete s.extend;
  // One closing comment per partnership: a run finishing an earlier close reuses that comment's key.
  const posted = input.records.find((r) => (r.kind === 'completed' || r.kind === 'ended') && (r.key === `${n}` || r.key.startsWith(`${n}.`)));
  const d = emptyDecision(n);
  d.comments.push(
    { kind: posted?.kind ?? as, key: posted?.key ?? (via ? `${n}.${via}` : `${n}`), mode: 'once', body: closingComment(input.program, s, as, why) },
    { kind: card.kind, key: card.key, mode: 'upsert', body: renderCard(input.program, input.agreement, s) },
  );
  d.addLabels.push(statusLabel(as));
  d.removeLabels.push(...otherStatusLabels(as), ENDING_LABEL);
  d.close = { reason: 'completed' };
  d.notes.push(`Partnership ${as}: ${why}.`);
  return [d];
}
