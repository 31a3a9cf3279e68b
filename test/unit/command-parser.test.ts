import { describe, expect, test } from 'vitest';
import { parseCommands } from '../../src/core/command-parser.ts';

const names = (md: string) => parseCommands(md).map((c) => (c.args ? `${c.name} ${c.args}` : c.name));

describe('command parser', () => {
  test('a command starts a line, case-insensitively, and takes the rest of the line as arguments', () => {
    expect(parseCommands('/ACCEPT')).toEqual([{ name: 'accept', args: '', line: 1 }]);
    expect(parseCommands('Sorry!\n/Decline no-time   busy until May  ')).toEqual([{ name: 'decline', args: 'no-time   busy until May', line: 2 }]);
    expect(names('/reassign @ada-example')).toEqual(['reassign @ada-example']);
    expect(names('/accept.')).toEqual(['accept']);
  });

  test('several commands in one comment, in order, including inside list items', () => {
    expect(names('/later\nthanks\n/withdraw\n\n- note\n  /accept')).toEqual(['later', 'withdraw', 'accept']);
  });

  test('text before the slash, paths and URLs are not commands', () => {
    expect(names('please /accept')).toEqual([]);
    expect(names('/usr/bin/env node')).toEqual([]);
    expect(names('see /docs/guide.md')).toEqual([]);
    expect(names('/ accept')).toEqual([]);
    expect(names('no slash at all')).toEqual([]);
  });

  test('quoted lines are ignored, including a lazy continuation of the quote', () => {
    expect(names('> /accept')).toEqual([]);
    expect(names('> @mentor wrote:\n> /accept\n\nI agree.')).toEqual([]);
    expect(names('> quoted\n/accept')).toEqual([]);
    expect(names('> quoted\n\n/accept')).toEqual(['accept']);
    expect(names('- > /accept')).toEqual([]);
  });

  test('fenced and indented code is ignored; the command after it counts', () => {
    expect(names('```\n/accept\n```')).toEqual([]);
    expect(names('~~~md\n/accept\n~~~\n/withdraw')).toEqual(['withdraw']);
    expect(names('    /accept')).toEqual([]);
    expect(names('text\n\n\t/accept')).toEqual([]);
    expect(names('````\n```\n/accept\n```\n````')).toEqual([]);
  });

  test('inline code spanning lines and HTML blocks are ignored', () => {
    expect(names('a `\n/accept\n` b')).toEqual([]);
    expect(names('<!--\n/accept\n-->')).toEqual([]);
    expect(names('<details>\n/accept\n</details>')).toEqual([]);
  });

  test('Windows line endings and a leading indent of up to three spaces', () => {
    expect(names('hi\r\n/accept\r\n')).toEqual(['accept']);
    expect(names('   /later')).toEqual(['later']);
  });
});
