// The root keys of a YAML document's first node, read without a YAML parser (the VS Code client
// bundles this): a block mapping's keys at its own indentation, or a flow mapping's keys at depth 1,
// decoded as YAML decodes them (plain, 'single-quoted', "double-quoted" with escapes, after tags and anchors).

/** The keys named StartAt or States at the root (all the caller asks); an empty set when the root is no mapping. */
export function rootKeysOfYaml(text: string): Set<string> {
  const keys = new Set<string>();
  const start = findRoot(text);
  if (start === undefined) return keys;
  if (text[start.offset] === '{') return rootKeysOfFlow(text, start.offset, keys);
  if (start.sameLineAsMarker) return keys; // `--- key: value` is not a block mapping
  const indent = start.offset - start.lineStart;
  addKey(keys, readBlockKey(text, start.offset));
  const end = documentEnd(text, start.offset);
  // Then only lines indented exactly as the first key can hold root keys: a regex jumps to them.
  const sibling = new RegExp(`\\n${indent ? ` {${indent}}` : ''}(?=[^ \\t\\r\\n#])`, 'g');
  sibling.lastIndex = start.offset;
  for (let match = sibling.exec(text); match && match.index < end; match = sibling.exec(text)) {
    addKey(keys, readBlockKey(text, sibling.lastIndex));
  }
  return keys;
}

function addKey(keys: Set<string>, key: string | undefined): void {
  if (key === 'StartAt' || key === 'States') keys.add(key);
}

interface RootStart {
  offset: number;
  lineStart: number;
  /** The node follows a `---` on the same line. */
  sameLineAsMarker: boolean;
}

/**
 * Where the first document's root node starts: after a byte order mark, blank and comment lines,
 * directives, a `---`, and node properties (`!tag`, `&anchor`) on a line of their own. Undefined
 * for an empty first document or a root that is a sequence, a block scalar or odd text.
 */
function findRoot(text: string): RootStart | undefined {
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let started = false; // a `---` or node properties were seen: directives are over
  while (lineStart < text.length) {
    const lineEnd = endOfLine(text, lineStart);
    let at = lineStart;
    let sameLineAsMarker = false;
    if (!started && text[at] === '%') {
      lineStart = nextLine(text, lineEnd);
      continue;
    }
    if (isMarker(text, at, '---')) {
      if (started) return undefined; // the first document is empty
      started = sameLineAsMarker = true;
      at += 3;
    } else if (isMarker(text, at, '...')) {
      return undefined;
    }
    const content = skipSpaces(text, at, lineEnd);
    let node = content;
    while (text[node] === '!' || text[node] === '&') node = skipSpaces(text, skipToken(text, node, lineEnd), lineEnd);
    if (node < lineEnd && text[node] !== '#') {
      const c = text[node];
      if (c === '{') return { offset: node, lineStart, sameLineAsMarker };
      if (c === '[' || ((c === '-' || c === '|' || c === '>') && isBlank(text, node + 1, lineEnd))) return undefined;
      if (!sameLineAsMarker && text.slice(lineStart, content).includes('\t')) return undefined; // a tab in the indentation
      // Properties before a block mapping's first key belong to that key: readBlockKey skips them.
      return { offset: content, lineStart: sameLineAsMarker ? content : lineStart, sameLineAsMarker };
    }
    if (node > content) started = true; // properties of the node on the next lines
    lineStart = nextLine(text, lineEnd);
  }
  return undefined;
}

/**
 * Offset of the line break (`\n` or `\r\n`; the text's end on the last line) of the line at `at`. A
 * lone `\r` is no line break here, as in the yaml package, which the engine parses YAML with.
 */
function endOfLine(text: string, at: number): number {
  const lf = text.indexOf('\n', at);
  if (lf < 0) return text.length;
  return lf > at && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
}

function nextLine(text: string, lineEnd: number): number {
  return text.charCodeAt(lineEnd) === 13 ? lineEnd + 2 : lineEnd + 1;
}

function isMarker(text: string, at: number, marker: string): boolean {
  return text.startsWith(marker, at) && isSpaceOrEnd(text, at + 3);
}

function isSpaceOrEnd(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return at >= text.length || c === 32 || c === 9 || c === 10 || c === 13;
}

/** Space, tab, or a `\r` that ends no line (the yaml package reads it as white space). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

function isBlank(text: string, at: number, lineEnd: number): boolean {
  return at >= lineEnd || isSpace(text.charCodeAt(at));
}

function skipSpaces(text: string, at: number, lineEnd: number): number {
  while (at < lineEnd && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The end of a tag or anchor: the next space, line break or (in flow) flow indicator. */
function skipToken(text: string, at: number, end: number, flow = false): number {
  while (at < end && !isSpaceOrEnd(text, at) && !(flow && ',[]{}'.includes(text[at]))) at++;
  return at;
}

/** Where the first document ends: a `---` or `...` at the start of a later line, else the text's end. */
function documentEnd(text: string, from: number): number {
  const marker = /\n(?:---|\.\.\.)(?=[ \t\r\n]|$)/g;
  marker.lastIndex = from;
  return marker.exec(text)?.index ?? text.length;
}

/**
 * The key of a block mapping entry starting at `at` (`key: value`, `"key": value`, `? key`, after
 * tags and anchors), decoded; undefined when the line is not such an entry.
 */
function readBlockKey(text: string, at: number): string | undefined {
  const lineEnd = endOfLine(text, at);
  while (text[at] === '!' || text[at] === '&') at = skipSpaces(text, skipToken(text, at, lineEnd), lineEnd);
  let explicit = false;
  if (text[at] === '?' && isBlank(text, at + 1, lineEnd)) {
    explicit = true;
    at = skipSpaces(text, at + 1, lineEnd);
    while (text[at] === '!' || text[at] === '&') at = skipSpaces(text, skipToken(text, at, lineEnd), lineEnd);
  }
  const scalar = readScalar(text, at, lineEnd);
  if (!scalar) return undefined;
  const after = skipSpaces(text, scalar.end, lineEnd);
  if (explicit) return scalar.value; // what may follow it is the yaml package's to judge (an error is no machine anyway)
  return text[after] === ':' && isBlank(text, after + 1, lineEnd) ? scalar.value : undefined;
}

/** A quoted scalar on one line, or a plain one up to `: `, ` #` or the line's end. */
function readScalar(text: string, at: number, lineEnd: number): { value: string; end: number } | undefined {
  const c = text[at];
  if (c === '"' || c === "'") {
    const close = closingQuote(text, at, lineEnd);
    if (close < 0) return undefined; // an implicit key is one line
    const raw = text.slice(at + 1, close);
    const value = c === '"' ? decodeDoubleQuoted(raw) : raw.replace(/''/g, "'");
    return value === undefined ? undefined : { value, end: close + 1 };
  }
  if (at >= lineEnd || '-?:,[]{}#&*!|>%@`'.includes(c)) return plainWithIndicator(text, at, lineEnd);
  let end = at;
  while (end < lineEnd && !(text[end] === ':' && isBlank(text, end + 1, lineEnd)) && !(text[end] === '#' && (text[end - 1] === ' ' || text[end - 1] === '\t'))) end++;
  return { value: trimWhite(text.slice(at, end)), end };
}

/** `-x`, `?x`, `:x` start plain scalars; the other indicators do not (and are not our keys). */
function plainWithIndicator(text: string, at: number, lineEnd: number): { value: string; end: number } | undefined {
  if (at >= lineEnd || !'-?:'.includes(text[at]) || isBlank(text, at + 1, lineEnd)) return undefined;
  let end = at + 1;
  while (end < lineEnd && !(text[end] === ':' && isBlank(text, end + 1, lineEnd))) end++;
  return { value: trimWhite(text.slice(at, end)), end };
}

/** Without leading and trailing YAML white space (space, tab, line breaks), not Unicode's (NBSP and U+2028 are content). */
function trimWhite(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && ' \t\r\n'.includes(value[start])) start++;
  while (end > start && ' \t\r\n'.includes(value[end - 1])) end--;
  return value.slice(start, end);
}

/** Index of the quote closing the one at `open` before `end`, or -1. */
function closingQuote(text: string, open: number, end: number): number {
  const quote = text[open];
  for (let i = open + 1; i < end; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The value of a one-line double-quoted scalar's content, or undefined for an invalid escape. */
export function decodeDoubleQuoted(raw: string): string | undefined {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') {
      out += raw[i];
      continue;
    }
    const e = raw[++i];
    const digits = HEX_DIGITS[e];
    if (digits) {
      const hex = raw.slice(i + 1, i + 1 + digits);
      if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      i += digits;
    } else if (e !== undefined && e in ESCAPES) {
      out += ESCAPES[e];
    } else {
      return undefined;
    }
  }
  return out;
}

/**
 * Root keys of a flow mapping starting at `open` (`{`): the keys at depth 1, quoted or plain
 * (unquoted, up to `:`, `,` or a bracket), after tags, anchors and a `?`.
 */
function rootKeysOfFlow(text: string, open: number, keys: Set<string>): Set<string> {
  let depth = 0;
  let expectKey = false;
  let pending: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = closingQuote(text, i, text.length);
      const close = end < 0 ? text.length : end;
      if (depth === 1 && expectKey) pending = c === '"' ? decodeDoubleQuoted(text.slice(i + 1, close)) : text.slice(i + 1, close).replace(/''/g, "'");
      expectKey = false;
      i = close;
    } else if (c === '{' || c === '[') {
      depth++;
      expectKey = depth === 1;
    } else if (c === '}' || c === ']') {
      if (--depth === 0) break;
    } else if (c === ',') {
      if (depth === 1) expectKey = true;
      pending = undefined;
    } else if (c === ':') {
      if (depth === 1 && pending !== undefined) addKey(keys, pending);
      pending = undefined;
    } else if (c === '#' && /\s/.test(text[i - 1] ?? '')) {
      const eol = endOfLine(text, i);
      i = eol - 1;
    } else if (expectKey && (c === '!' || c === '&' || (c === '?' && isSpaceOrEnd(text, i + 1)))) {
      i = skipToken(text, i, text.length, true) - 1; // a property or an explicit key: the key follows
    } else if (!/\s/.test(c)) {
      // A plain scalar: in flow context it cannot contain , [ ] { } and ends at ": " or "#".
      const end = /[,[\]{}\r\n]|:(?=[\s,[\]{}]|$)|\s#/g;
      end.lastIndex = i;
      const stop = end.exec(text)?.index ?? text.length;
      if (depth === 1 && expectKey) pending = trimWhite(text.slice(i, stop));
      expectKey = false;
      i = stop - 1;
    }
  }
  return keys;
}
