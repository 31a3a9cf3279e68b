import { fromMarkdown } from 'mdast-util-from-markdown';

/** One slash command as written in a comment: `/decline no time` is `{ name: 'decline', args: 'no time' }`. */
export interface ParsedCommand {
  /** Lower-cased. */
  name: string;
  /** The rest of the line, trimmed. */
  args: string;
  /** 1-based line in the comment, for messages. */
  line: number;
}

// A name ends at a space, the end of the line or sentence punctuation, so `/usr/bin` or `/a/b` pasted at the
// start of a line are not read as commands, while `/accept.` still is.
const COMMAND = /^\/([a-z][a-z0-9-]*)(?=$|[\s.,;:!?])[.,;:!?]?\s*(.*)$/i;

type Node = {
  type: string;
  children?: Node[];
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
};

// Quotes repeat someone else's words and code shows text verbatim; raw HTML is neither read nor shown.
// Commands in them are never acted on, which is what stops `> /accept` from being replayed.
const SKIPPED = new Set(['code', 'blockquote', 'html', 'inlineCode', 'definition']);

/**
 * The commands in a comment, in order. Markdown decides what counts: a command must start a line of a
 * paragraph (at any depth, e.g. inside a list item), not sit in a fenced or indented code block, a quote, an
 * HTML block or an inline code span that runs across lines.
 */
export function parseCommands(markdown: string): ParsedCommand[] {
  const text = markdown.replace(/\r\n?/g, '\n');
  if (!text.includes('/')) return [];
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let at = 0;
  for (const l of lines) {
    lineStarts.push(at);
    at += l.length + 1;
  }
  const out: ParsedCommand[] = [];

  const visit = (node: Node): void => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'paragraph' && node.position) {
      const hidden = (node.children ?? []).filter((c) => SKIPPED.has(c.type) && c.position);
      for (let n = node.position.start.line; n <= node.position.end.line; n++) {
        const raw = lines[n - 1] ?? '';
        const indent = raw.length - raw.trimStart().length;
        const offset = lineStarts[n - 1]! + indent;
        if (hidden.some((c) => c.position!.start.offset! <= offset && offset < c.position!.end.offset!)) continue;
        const m = COMMAND.exec(raw.trim());
        if (m) out.push({ name: m[1]!.toLowerCase(), args: m[2]!.trim(), line: n });
      }
      return;
    }
    for (const c of node.children ?? []) visit(c);
  };
  visit(fromMarkdown(text) as Node);
  return out;
}
