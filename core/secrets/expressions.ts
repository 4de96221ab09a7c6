// What a payload string really contains, for the secret rules: the string literals written in it
// (plain value, intrinsic arguments, JSONata string literals and object-constructor keys) and the
// data it reads (JSONPath paths, JSONata `$states...` and variable references).
import { jsonataBody, isIntrinsic, isJsonata } from '../model/values';
import { jsonataReferences, jsonataStringLiterals, looseStringLiterals, parseJsonata, walkJsonata, type JsonataNode } from '../expressions/jsonata';

export interface LiteralPiece {
  text: string;
  /** The key a JSONata object constructor gives this literal (`{'password': '...'}`). */
  key?: string;
}

/** Where referenced data comes from. */
export type DataSource = 'state-input' | 'execution-input' | 'variable' | 'map-item' | 'task-result' | 'error-output' | 'task-token' | 'context';

export interface DataReference {
  /** As written: `$.user.token`, `$states.input.password`, `$$.Execution.Input.auth`. */
  text: string;
  source: DataSource;
  /** Segments below the source root (`['user', 'token']`); index steps become `*`. */
  segments: string[];
  /** For variables: the variable name without `$`. */
  variable?: string;
}

/** Splits `$.a.b[0]['c d']` after its root into segments; undefined when it is not a path. */
export function parsePath(text: string): { root: string; segments: string[] } | undefined {
  const m = /^(\$\$|\$[A-Za-z_][\w]*|\$)/.exec(text.trim());
  if (!m) return undefined;
  return { root: m[1], segments: pathSegments(text.trim().slice(m[0].length)) };
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/**
 * The segments of a path after its root: `.name`, `['name']`, `["name"]`, and any other `[...]` as `*`,
 * found left to right as /\.([^.[\]]+)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]|\[[^\]]*\]/g finds them,
 * in one pass: that expression rescans to the end from every `[` when no `]` follows (`$['['['…`).
 */
function pathSegments(rest: string): string[] {
  const segments: string[] = [];
  let closeLeft = true; // false once no `]` is left: no bracket segment can match after that
  let i = 0;
  while (i < rest.length) {
    const ch = rest[i];
    if (ch === '.') {
      let end = i + 1;
      while (end < rest.length && rest[end] !== '.' && rest[end] !== '[' && rest[end] !== ']') end++;
      if (end > i + 1) segments.push(rest.slice(i + 1, end));
      i = end > i + 1 ? end : i + 1;
    } else if (ch === '[' && closeLeft) {
      const quoted = quotedSegment(rest, i);
      if (quoted) {
        segments.push(quoted.name);
        i = quoted.end;
        continue;
      }
      const close = rest.indexOf(']', i + 1);
      if (close < 0) {
        closeLeft = false;
        i++;
      } else {
        segments.push('*');
        i = close + 1;
      }
    } else i++;
  }
  return segments;
}

/** `['name']` or `["name"]` (spaces allowed inside the brackets) starting at `open`, or undefined. */
function quotedSegment(rest: string, open: number): { name: string; end: number } | undefined {
  let j = open + 1;
  while (isSpace(rest[j])) j++;
  const quote = rest[j];
  if (quote !== "'" && quote !== '"') return undefined;
  const closeQuote = rest.indexOf(quote, j + 1);
  if (closeQuote < 0) return undefined;
  let k = closeQuote + 1;
  while (isSpace(rest[k])) k++;
  return rest[k] === ']' ? { name: rest.slice(j + 1, closeQuote), end: k + 1 } : undefined;
}

/** Classifies a JSONPath reference (`$...`, `$$...`, `$var...`). */
export function jsonPathReference(text: string): DataReference | undefined {
  const parsed = parsePath(text);
  if (!parsed) return undefined;
  const { root, segments } = parsed;
  if (root === '$') return { text, source: 'state-input', segments };
  if (root === '$$') return contextReference(text, segments);
  return { text, source: 'variable', segments, variable: root.slice(1) };
}

function contextReference(text: string, segments: string[]): DataReference {
  const [a, b, c] = segments;
  if (a === 'Task' && b === 'Token') return { text, source: 'task-token', segments: [] };
  if (a === 'Execution' && b === 'Input') return { text, source: 'execution-input', segments: segments.slice(2) };
  if (a === 'Map' && b === 'Item' && c === 'Value') return { text, source: 'map-item', segments: segments.slice(3) };
  return { text, source: 'context', segments };
}

/** Classifies a JSONata reference as given by `jsonataReferences` (`$states.input.x`, `$var.y`). */
export function jsonataReference(text: string): DataReference | undefined {
  const parts = text.split('.');
  const head = parts[0];
  if (!head.startsWith('$') || head === '$') return undefined;
  if (head !== '$states') return { text, source: 'variable', segments: parts.slice(1), variable: head.slice(1) };
  const [, area, ...rest] = parts;
  if (area === 'input') return { text, source: 'state-input', segments: rest };
  if (area === 'result') return { text, source: 'task-result', segments: rest };
  if (area === 'errorOutput') return { text, source: 'error-output', segments: rest };
  if (area === 'context') return contextReference(text, rest);
  return undefined;
}

/** Paths written in an intrinsic call, outside its string literals. */
export function intrinsicPaths(value: string): string[] {
  return splitIntrinsic(value).paths;
}

/** String literals written in an intrinsic call (`'Bearer {}'`), unescaped. */
export function intrinsicLiterals(value: string): string[] {
  return splitIntrinsic(value).literals;
}

/**
 * Where the path starting at `start` (a `$`) ends: `$` or `$$`, then name characters, dots and
 * `[...]` steps up to the first `]` (what the expression `^\$\$?(?:[\w.]|\[[^\]]*\])*` reads). `closes.none` remembers that no `]` is
 * left, so that text with many `$[` and no `]` is read in one pass, not once per `$`.
 */
function pathEnd(value: string, start: number, closes: { none: boolean }): number {
  let i = start + (value[start + 1] === '$' ? 2 : 1);
  for (;;) {
    if (i < value.length && /[\w.]/.test(value[i])) i++;
    else if (value[i] === '[' && !closes.none) {
      const close = value.indexOf(']', i + 1);
      if (close < 0) {
        closes.none = true;
        return i;
      }
      i = close + 1;
    } else return i;
  }
}

function splitIntrinsic(value: string): { literals: string[]; paths: string[] } {
  const closes = { none: false };
  const literals: string[] = [];
  const paths: string[] = [];
  let i = 0;
  while (i < value.length) {
    const ch = value[i];
    if (ch === "'") {
      let text = '';
      i++;
      while (i < value.length && value[i] !== "'") {
        if (value[i] === '\\' && i + 1 < value.length) i++;
        text += value[i++];
      }
      literals.push(text);
      i++;
    } else if (ch === '$') {
      const end = pathEnd(value, i, closes);
      paths.push(value.slice(i, end));
      i = end;
    } else {
      i++;
    }
  }
  return { literals, paths };
}

/** The parsed JSONata AST of a `{% %}` string, or undefined. */
export function jsonataAst(value: string): JsonataNode | undefined {
  const body = jsonataBody(value);
  return body ? parseJsonata(body.body).ast : undefined;
}

/** Pairs of object constructors whose key is a string literal: `{'Authorization': expr}`. */
export function jsonataPairs(ast: JsonataNode): { key: string; value: JsonataNode }[] {
  const out: { key: string; value: JsonataNode }[] = [];
  walkJsonata(ast, (node) => {
    if (node.type === 'unary' && node.value === '{' && Array.isArray(node.lhs)) {
      for (const pair of node.lhs as unknown[]) {
        if (!Array.isArray(pair) || pair.length !== 2) continue;
        const [k, v] = pair as [JsonataNode, JsonataNode];
        if (k?.type === 'string' && typeof k.value === 'string' && v) out.push({ key: k.value, value: v });
      }
    }
  });
  return out;
}

/**
 * The string literals a payload string carries: the value itself for a plain literal, the
 * quoted arguments of an intrinsic under a `.$` key, or the string literals of a JSONata
 * expression (object-constructor values come with their key).
 */
export function literalPieces(value: string, dynamicKey: boolean): LiteralPiece[] {
  if (isJsonata(value)) {
    const ast = jsonataAst(value);
    // An expression that does not parse still carries its quoted text (half-typed, or broken on purpose).
    if (!ast) return looseJsonataLiterals(value).map((text) => ({ text }));
    const keyed = new Map<JsonataNode, string>();
    for (const pair of jsonataPairs(ast)) if (pair.value.type === 'string') keyed.set(pair.value, pair.key);
    const pieces: LiteralPiece[] = [];
    const keyNodes = new Set<unknown>();
    walkJsonata(ast, (node) => {
      if (node.type === 'unary' && node.value === '{' && Array.isArray(node.lhs)) for (const pair of node.lhs as unknown[]) if (Array.isArray(pair)) keyNodes.add(pair[0]);
    });
    walkJsonata(ast, (node) => {
      if (node.type === 'string' && typeof node.value === 'string' && !keyNodes.has(node)) pieces.push({ text: node.value, key: keyed.get(node) });
    });
    return pieces;
  }
  if (dynamicKey) return isIntrinsic(value) ? intrinsicLiterals(value).map((text) => ({ text })) : [];
  return [{ text: value }];
}

/** All string literals of a JSONata expression joined: `'Bearer ' & 'abc'` -> `Bearer abc`. */
export function joinedJsonataLiterals(value: string): string | undefined {
  if (!isJsonata(value)) return undefined;
  const ast = jsonataAst(value);
  const literals = ast ? jsonataStringLiterals(ast).map((l) => l.value) : looseJsonataLiterals(value);
  return literals.length > 1 ? literals.join('') : undefined;
}

/** The quoted strings of a `{% %}` value read lexically, for an expression that does not parse. */
export function looseJsonataLiterals(value: string): string[] {
  const body = jsonataBody(value);
  return body ? looseStringLiterals(body.body) : [];
}

/** The data a payload string reads at run time: paths of a `.$` value, or JSONata references. */
export function dataReferences(value: string, dynamicKey: boolean): DataReference[] {
  if (isJsonata(value)) {
    const ast = jsonataAst(value);
    if (!ast) return [];
    return jsonataReferences(ast).map(jsonataReference).filter((r): r is DataReference => r !== undefined);
  }
  if (!dynamicKey) return [];
  const paths = isIntrinsic(value) ? intrinsicPaths(value) : [value];
  return paths.map(jsonPathReference).filter((r): r is DataReference => r !== undefined);
}
