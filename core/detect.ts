// The detector's façade: "is this plain JSON/YAML text a state machine?" without the analysis
// engine, so the VS Code client bundles only this (JSON through jsonc-parser, YAML by a text scan).
import type { DocumentFormat } from './parse';
import { parseJson } from './parse/json';

/**
 * True when the text looks like a state machine definition: its root object has both
 * `StartAt` and `States`. Used to pick plain `.json`/`.yaml` files.
 * @example looksLikeStateMachine('StartAt: A\nStates: {}\n', 'yaml') === true
 */
export function looksLikeStateMachine(text: string, format: DocumentFormat): boolean {
  if (!/"?StartAt"?\s*:/.test(text) || !/"?States"?\s*:/.test(text)) return false;
  if (format === 'json') return hasBothKeys(rootKeysOfJson(text));
  // Leading comment and blank lines, then `{` or `[`: a flow collection (often JSON saved as YAML).
  const flow = /^\uFEFF?(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*([{[])/.exec(text);
  if (flow) return flow[1] === '{' && hasBothKeys(rootKeysOfFlowYaml(text, flow[0].length - 1));
  return hasBothKeys(rootKeysOfBlockYaml(text));
}

function hasBothKeys(keys: Set<unknown>): boolean {
  return keys.has('StartAt') && keys.has('States');
}

function rootKeysOfJson(text: string): Set<unknown> {
  // Strict JSON (nearly every file) is read natively, several times faster than building a tree;
  // jsonc-parser's error recovery decides only texts JSON.parse refuses, with the same keys otherwise.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return rootKeysOfJsonc(text);
  }
  return new Set(value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []);
}

function rootKeysOfJsonc(text: string): Set<unknown> {
  const { root } = parseJson(text);
  return new Set(root?.type === 'object' ? root.children?.map((p) => p.children?.[0]?.value) : []);
}

/**
 * Root keys of a block-style YAML document, read from its lines: a key at column 0 of the first
 * document is a root key (nested keys are indented; a block scalar's lines are indented too).
 * Only lines starting with `StartAt`/`States` are collected, which is all the caller asks.
 */
function rootKeysOfBlockYaml(text: string): Set<string> {
  const keys = new Set<string>();
  const body = text.replace(/^\uFEFF/, '');
  // Up to the first content line, line by line: comments, directives and a `---` may come first.
  const lines = /^.*$/gm;
  let match: RegExpExecArray | null;
  while ((match = lines.exec(body))) {
    const line = match[0];
    if (!line) lines.lastIndex++;
    if (/^\s*(?:#|$)/.test(line)) continue;
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(line)) {
      if (line.startsWith('...')) return keys; // the first document ended
      continue;
    }
    if (line.startsWith('%')) continue; // a directive (%YAML, %TAG)
    // The root must be a block mapping, not a sequence, block scalar or indented odd text.
    if (/^(?:[-?|>](?:\s|$)|\s)/.test(line)) return keys;
    addRootKey(keys, line);
    break;
  }
  if (!match) return keys;
  // Then only lines starting at column 0 with neither a space nor `#` can be root keys or end the
  // document; the regex jumps to them instead of visiting every line (templates are long).
  const rootLines = /^[^\s#].*$/gm;
  rootLines.lastIndex = lines.lastIndex;
  while ((match = rootLines.exec(body))) {
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(match[0])) break; // the first document ended
    addRootKey(keys, match[0]);
  }
  return keys;
}

function addRootKey(keys: Set<string>, line: string): void {
  const key = /^(["']?)(StartAt|States)\1[ \t]*:(?:\s|$)/.exec(line);
  if (key) keys.add(key[2]);
}

/**
 * Root keys of a YAML flow mapping starting at `open` (`{`): the keys at depth 1, quoted
 * (`"…"` with backslash escapes, `'…'` with `''`) or plain (unquoted, up to `:`, `,` or a bracket).
 */
function rootKeysOfFlowYaml(text: string, open: number): Set<string> {
  const keys = new Set<string>();
  let depth = 0;
  let expectKey = false;
  let pending: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = closingQuote(text, i);
      if (depth === 1 && expectKey) pending = c === '"' ? unescapeDouble(text.slice(i + 1, end)) : text.slice(i + 1, end).replace(/''/g, "'");
      expectKey = false;
      i = end;
    } else if (c === '{' || c === '[') {
      depth++;
      expectKey = depth === 1;
    } else if (c === '}' || c === ']') {
      if (--depth === 0) break;
    } else if (c === ',') {
      if (depth === 1) expectKey = true;
      pending = undefined;
    } else if (c === ':') {
      if (depth === 1 && pending !== undefined) keys.add(pending);
      pending = undefined;
    } else if (c === '#' && /\s/.test(text[i - 1] ?? '')) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (!/\s/.test(c)) {
      // A plain scalar: in flow context it cannot contain , [ ] { } and ends at ": " or "#".
      const end = /[,[\]{}\n]|:(?=[\s,[\]{}]|$)|\s#/g;
      end.lastIndex = i;
      const stop = end.exec(text)?.index ?? text.length;
      if (depth === 1 && expectKey) pending = text.slice(i, stop).trim();
      expectKey = false;
      i = stop - 1;
    }
  }
  return keys;
}

/** Index of the quote closing the one at `open` (text length when unclosed). */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}

/** Key names are compared literally; only the escapes that could spell one matter. */
function unescapeDouble(raw: string): string {
  return raw.includes('\\') ? raw.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => (e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e)) : raw;
}
