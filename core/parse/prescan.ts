// One linear pass over JSON text before jsonc-parser sees it: it measures nesting depth
// (jsonc-parser recurses, so a pathological document must be stopped before it) and finds
// bare deploy-time placeholders (`"Seconds": ${Delay}`) that template tools leave unquoted.

/** A `${...}` or `%{...}` placeholder written outside any string. */
export interface BarePlaceholder {
  offset: number;
  length: number;
}

export interface PrescanResult {
  maxDepth: number;
  /** Offset of the first bracket that went deeper than the limit, if any. */
  tooDeepAt?: number;
  placeholders: BarePlaceholder[];
}

/** Deeper than this, parsing is refused: real definitions stay far below 100 levels. */
export const MAX_NESTING_DEPTH = 1000;

const QUOTE = 34, BACKSLASH = 92, SLASH = 47, STAR = 42, NEWLINE = 10;
const OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93, DOLLAR = 36, PERCENT = 37;

export function prescanJson(text: string, limit = MAX_NESTING_DEPTH): PrescanResult {
  const state = newScan(limit);
  scanRange(text, 0, text.length, state);
  return result(state);
}

/** Characters scanned between two pauses of prescanJsonInSteps. */
const CHARS_PER_STEP = 1 << 20;

/** The same pass in steps of about 1 MB (documents far above the 1 MB limit). */
export function* prescanJsonInSteps(text: string, limit = MAX_NESTING_DEPTH): Generator<void, PrescanResult> {
  const state = newScan(limit);
  for (let at = 0; at < text.length; ) {
    at = scanRange(text, at, Math.min(text.length, at + CHARS_PER_STEP), state);
    if (at < text.length) yield;
  }
  return result(state);
}

interface ScanState {
  limit: number;
  depth: number;
  maxDepth: number;
  tooDeepAt: number | undefined;
  placeholders: BarePlaceholder[];
}

const newScan = (limit: number): ScanState => ({ limit, depth: 0, maxDepth: 0, tooDeepAt: undefined, placeholders: [] });
const result = (s: ScanState): PrescanResult => ({ maxDepth: s.maxDepth, tooDeepAt: s.tooDeepAt, placeholders: s.placeholders });

/** Scans from `from` until `to` (a token that starts before `to` is read to its end); returns where it stopped. */
function scanRange(text: string, from: number, to: number, state: ScanState): number {
  const { placeholders, limit } = state;
  let { depth, maxDepth, tooDeepAt } = state;
  const n = text.length;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i += 2;
        else if (d === QUOTE || d === NEWLINE) break;
        else i++;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > maxDepth) {
        maxDepth = depth;
        if (depth > limit && tooDeepAt === undefined) tooDeepAt = i;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth > 0) depth--;
    } else if ((c === DOLLAR || c === PERCENT) && text.charCodeAt(i + 1) === OPEN_BRACE) {
      const end = matchingBrace(text, i + 1);
      if (end > 0) {
        placeholders.push({ offset: i, length: end + 1 - i });
        i = end;
      }
    } else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      while (i < n && text.charCodeAt(i) !== NEWLINE) i++;
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 1;
    }
  }
  state.depth = depth;
  state.maxDepth = maxDepth;
  state.tooDeepAt = tooDeepAt;
  return i;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  const limit = Math.min(text.length, open + 4096);
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_BRACE) depth++;
    else if (c === CLOSE_BRACE) {
      depth--;
      if (depth === 0) return i;
    } else if (c === QUOTE) {
      i++;
      while (i < limit && text.charCodeAt(i) !== QUOTE) i += text.charCodeAt(i) === BACKSLASH ? 2 : 1;
    }
  }
  return -1;
}

/**
 * Replaces each bare placeholder with a JSON string of the same length, so offsets stay
 * exact (`${Delay}` becomes `"      "`), and the parser's node is then
 * patched back to the placeholder text.
 */
export function maskPlaceholders(text: string, placeholders: BarePlaceholder[]): string {
  if (!placeholders.length) return text;
  let out = '';
  let last = 0;
  for (const p of placeholders) {
    out += text.slice(last, p.offset) + '"' + ' '.repeat(Math.max(0, p.length - 2)) + '"';
    last = p.offset + p.length;
  }
  return out + text.slice(last);
}
