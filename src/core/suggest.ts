import { closest, distance } from 'fastest-levenshtein';

/** The nearest option when it is plausibly a typo; otherwise nothing, so we don't suggest nonsense. */
export function suggest(value: string, options: readonly string[]): string | undefined {
  if (options.length === 0) return undefined;
  const best = closest(value, [...options]);
  return distance(value, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

export function didYouMean(value: string, options: readonly string[]): string {
  const s = suggest(value, options);
  return s ? `did you mean "${s}"? ` : '';
}
