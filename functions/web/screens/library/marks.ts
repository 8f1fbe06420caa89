/**
 * The words a search matched, as pieces of text for the view to wrap in <mark>. The pieces stay text:
 * the template escapes each one, so nothing an entry or a searcher wrote can become markup.
 */
import type { Range } from '#shared/library/text.ts';
import type { Highlights } from '#shared/services/library/library-items.ts';

export interface Piece {
  text: string;
  mark: boolean;
}

/** The longest line a result shows of an entry's text. */
export const LINE_LENGTH = 200;
/** How much of the text before the first matched word a snippet keeps, so the word is read in context. */
const LEAD = 60;
const ELLIPSIS = '…';

/** Where to stop: the first line break, or the last space before `max` characters. */
const lineEnd = (text: string, from: number, max: number): number => {
  const newline = text.indexOf('\n', from);
  const end = newline === -1 ? text.length : newline;
  if (end - from <= max) return end;
  const space = text.lastIndexOf(' ', from + max);
  return space > from ? space : from + max;
};

/** Where to start a snippet so the first matched word shows with a little before it, at a word's start. */
const snippetStart = (text: string, first: number): number => {
  if (first <= LEAD) return 0;
  const space = text.indexOf(' ', first - LEAD);
  return space === -1 || space >= first ? first : space + 1;
};

/**
 * `text` cut into plain and marked pieces by `ranges` (UTF-16 offsets, as the library gives them).
 * With `line`, only one line of it: from the start (or, for a snippet, just before the first match) to
 * the first line break or LINE_LENGTH characters, with an ellipsis where text was left out.
 */
export const pieces = (
  text: string,
  ranges: readonly Range[] = [],
  opts: { line?: boolean; snippet?: boolean } = {},
): Piece[] => {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const start = opts.snippet && sorted[0] ? snippetStart(text, sorted[0].start) : 0;
  const end = opts.line ? lineEnd(text, start, LINE_LENGTH) : text.length;
  const out: Piece[] = [];
  const push = (piece: string, mark: boolean) => {
    if (piece) out.push({ text: piece, mark });
  };
  if (start > 0) push(ELLIPSIS, false);
  let at = start;
  for (const range of sorted) {
    const from = Math.max(range.start, at);
    const to = Math.min(range.end, end);
    if (from >= to) continue;
    push(text.slice(at, from), false);
    push(text.slice(from, to), true);
    at = to;
  }
  push(text.slice(at, end), false);
  if (end < text.length) push(ELLIPSIS, false);
  return out;
};

/** A path's pieces, with its highlights when it has any. */
export const marked = (
  text: string,
  highlights: Highlights | undefined,
  path: string,
  opts: { line?: boolean; snippet?: boolean } = {},
): Piece[] => pieces(text, highlights?.[path], opts);
