import type { Profile } from './profile.ts';
import { mentorOf, statusOf, type Status } from './labels.ts';

/**
 * Questions about the live list of open requests: who holds which slots. Every quota is counted here, from
 * the issues list read just now (never the search API, whose index lags).
 */

/** An open request as read from the live issue list. */
export interface RequestSummary {
  number: number;
  author: string;
  labels: string[];
}

export const WAITING: readonly Status[] = ['pending', 'saved'];

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

export function isAvailable(p: Profile, today: string): boolean {
  return p.availability.status === 'open' && (!p.availability.until || p.availability.until >= today);
}

/** Active partnerships of a mentor, oldest issue first. */
export function activeOfMentor(open: readonly RequestSummary[], mentor: string, except?: number): RequestSummary[] {
  return open.filter((r) => r.number !== except && statusOf(r.labels) === 'active' && same(mentorOf(r.labels), mentor)).sort(byNumber);
}

/** Active partnerships of a mentee, oldest issue first. */
export function activeOfMentee(open: readonly RequestSummary[], mentee: string, except?: number): RequestSummary[] {
  return open.filter((r) => r.number !== except && statusOf(r.labels) === 'active' && same(r.author, mentee)).sort(byNumber);
}

/** Requests of a mentee still waiting for an answer (pending or saved), oldest first. */
export function waitingOfMentee(open: readonly RequestSummary[], mentee: string, except?: number): RequestSummary[] {
  return open.filter((r) => r.number !== except && WAITING.includes(statusOf(r.labels)!) && same(r.author, mentee)).sort(byNumber);
}

/** Open requests between this mentee and this mentor that are waiting or active. */
export function openPair(open: readonly RequestSummary[], mentee: string, mentor: string, except?: number): RequestSummary[] {
  return open
    .filter((r) => r.number !== except && same(r.author, mentee) && same(mentorOf(r.labels), mentor) && ['pending', 'saved', 'active'].includes(statusOf(r.labels) ?? ''))
    .sort(byNumber);
}

/** Free slots of a mentor now: capacity minus active partnerships, never below zero. */
export function freeSlots(p: Profile, open: readonly RequestSummary[], except?: number): number {
  return Math.max(0, p.availability.capacity - activeOfMentor(open, p.github, except).length);
}

export const issueList = (rs: readonly { number: number }[]) => rs.map((r) => `#${r.number}`).join(', ');

function byNumber(a: { number: number }, b: { number: number }) {
  return a.number - b.number;
}
