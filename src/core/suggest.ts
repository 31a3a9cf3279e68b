import { closest, distance } from 'fastest-levenshtein';

/** The nearest option when it is plausibly a typo; otherwise nothing, so we don't suggest nonsense. */
export function suggest(value: string, options: readonly string[]): string | undefined {
  if (options.length === 0) return undefined;
  const best = closest(value, [...options]);
  if (distance(value, best) <= Math.max(2, Math.floor(best.length / 3))) return best;
  // A shortened key ("reminder_days" for "request_reminder_days") is far in edit distance but obvious to a reader.
  const containing = options.filter((o) => value.length >= 4 && (o.includes(value) || value.includes(o)));
  return containing.length === 1 ? containing[0] : undefined;
}

export function didYouMean(value: string, options: readonly string[]): string {
  const s = suggest(value, options);
  return s ? `did you mean "${s}"? ` : '';
}
