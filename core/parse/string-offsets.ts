// Where a character of a string value sits in the document: a JSON string starts with a quote
// and may hold escapes (`\"`, `\u00e9`), YAML has plain, single- and double-quoted scalars. Rules
// that point inside a value (a bad path step, a JSONata error) map value indices through here.
import type { AstNode, OffsetRange } from './ast';

/**
 * Offsets in the document of each index of a string node's value, or undefined when the
 * source cannot be lined up with the value (block scalars, folded lines): then callers
 * underline the whole node. The array has `value.length + 1` entries; the last is the end.
 * @example offsetsOfValue('{"k":"a\\"b"}', <node of "a\"b">) -> [6, 7, 9, 10]
 */
export function offsetsOfValue(text: string, node: AstNode): number[] | undefined {
  if (node.type !== 'string' || typeof node.value !== 'string') return undefined;
  const value = node.value as string;
  const raw = text.slice(node.offset, node.offset + node.length);
  let map: number[] | undefined;
  if (raw.startsWith('"')) map = doubleQuoted(raw, node.offset);
  else if (raw.startsWith("'")) map = singleQuoted(raw, node.offset);
  else if (raw === value) map = Array.from({ length: value.length + 1 }, (_, i) => node.offset + i);
  else map = blockLine(raw, value, node.offset);
  // A mapping that does not reproduce the value's length would point at the wrong characters.
  return map && map.length === value.length + 1 ? map : undefined;
}

/**
 * The document range of `value.slice(start, end)` of a string node; the whole node when the
 * value cannot be mapped.
 */
export function rangeInValue(text: string, node: AstNode, start: number, end: number): OffsetRange {
  const map = offsetsOfValue(text, node);
  if (!map || map.length < 2) return { offset: node.offset, length: node.length };
  // A problem "at the end" of the value points at its last character, not past it.
  if (start >= map.length - 1) start = map.length - 2;
  const s = map[Math.max(0, start)];
  const e = map[Math.max(0, Math.min(Math.max(end, start), map.length - 1))];
  return { offset: s, length: Math.max(1, e - s) };
}

/** A one-line YAML block scalar (`|` or `>`): the line appears once in the source, as is. */
function blockLine(raw: string, value: string, base: number): number[] | undefined {
  const line = value.replace(/\n$/, '');
  if (!line || line.includes('\n')) return undefined;
  const at = raw.indexOf(line);
  if (at < 0 || raw.indexOf(line, at + 1) >= 0) return undefined;
  return Array.from({ length: value.length + 1 }, (_, i) => base + at + i);
}

/** JSON strings and YAML double-quoted scalars: one entry per UTF-16 unit of the decoded value. */
function doubleQuoted(raw: string, base: number): number[] | undefined {
  const out: number[] = [];
  let i = 1;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '"') break;
    if (c === '\n' || c === '\r') return undefined; // folded YAML lines: no 1:1 mapping
    if (c !== '\\') {
      out.push(base + i);
      i++;
      continue;
    }
    const e = raw[i + 1];
    if (e === 'u') {
      out.push(base + i);
      i += 6;
    } else if (e === 'x') {
      out.push(base + i);
      i += 4;
    } else if (e === 'U') {
      const code = parseInt(raw.slice(i + 2, i + 10), 16);
      out.push(base + i);
      if (code > 0xffff) out.push(base + i);
      i += 10;
    } else if (e === '\n' || e === '\r') {
      return undefined;
    } else {
      out.push(base + i);
      i += 2;
    }
  }
  out.push(base + Math.min(i, raw.length));
  return out;
}

/** YAML single-quoted scalars: `''` stands for one quote. */
function singleQuoted(raw: string, base: number): number[] | undefined {
  const out: number[] = [];
  let i = 1;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '\n' || c === '\r') return undefined;
    if (c === "'") {
      if (raw[i + 1] !== "'") break;
      out.push(base + i);
      i += 2;
      continue;
    }
    out.push(base + i);
    i++;
  }
  out.push(base + Math.min(i, raw.length));
  return out;
}
