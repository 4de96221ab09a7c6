// Folds the edits a document receives between two analyses into ONE equivalent change against
// the last analysed text, so core's analyzeChange can re-check only the edited state even when
// a burst of keystrokes was coalesced into a single validation.
import type { TextChange, TextSource } from '../../core';

/**
 * The union of a sequence of edits, in coordinates of the text before the first one: old span
 * [start, end) became a span `delta` code units longer. Every edit is relative to the text after
 * the previous ones (LSP's didChange order).
 */
export interface ChangeSpan {
  start: number;
  end: number;
  delta: number;
}

/** Adds one edit (relative to the text after `span`) to `span`; `undefined` starts a new span. */
export function addChange(span: ChangeSpan | undefined, change: TextChange): ChangeSpan {
  const grow = change.text.length - change.length;
  if (!span) return { start: change.offset, end: change.offset + change.length, delta: grow };
  // Map positions of the current text back to the original: before the span they are unchanged,
  // after it they shift by -delta, inside it they widen to the span's own bounds.
  const currentEnd = span.end + span.delta;
  const from = change.offset <= span.start ? change.offset : change.offset >= currentEnd ? change.offset - span.delta : span.start;
  const to = change.offset + change.length;
  const until = to <= span.start ? to : to >= currentEnd ? to - span.delta : span.end;
  return { start: Math.min(span.start, from), end: Math.max(span.end, until), delta: span.delta + grow };
}

/**
 * The single change that turns the original text into `newText`.
 * @example toChange({ start: 5, end: 5, delta: 2 }, 'abcdeXYfg') // { offset: 5, length: 0, text: 'XY' }
 */
export function toChange(span: ChangeSpan, newText: TextSource): TextChange {
  return { offset: span.start, length: span.end - span.start, text: newText.slice(span.start, span.end + span.delta) };
}
