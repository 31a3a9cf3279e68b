import { expect, test } from 'vitest';
import { formatDate } from '../../src/site/format.ts';

test('formatDate writes a YYYY-MM-DD date out in English, the same on every call', () => {
  expect(formatDate('2026-10-01')).toBe('October 1, 2026');
  expect(formatDate('2026-02-28')).toBe('February 28, 2026');
  expect(formatDate('2026-10-01')).toBe('October 1, 2026');
});
