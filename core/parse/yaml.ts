// YAML text -> the same syntax tree shape as JSON, through the `yaml` package, with exact offsets.
// Clean YAML of the common shape takes the fast path (fast-yaml.ts), which builds the same tree.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { OffsetTable, SyntaxNode, type AstNode } from './ast';
import { parseYamlFast } from './fast-yaml';
import { MAX_NESTING_DEPTH } from './prescan';
import { MAX_YAML_NESTING_DEPTH, yamlTooDeepAt } from './prescan-yaml';
import type { SyntaxProblem } from './syntax-problem';

export interface ParsedYaml {
  root: AstNode | undefined;
  problems: SyntaxProblem[];
}

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

export function parseYaml(text: string): ParsedYaml {
  const fast = parseYamlFast(text, new OffsetTable());
  return fast ? { root: fast, problems: [] } : parseYamlWithPackage(text);
}

/** The `yaml` package's parse, converted: the reference the fast path is tested against. */
export function parseYamlWithPackage(text: string): ParsedYaml {
  // The yaml package recurses on nesting; refuse absurd depth before it spends seconds on it.
  const tooDeepAt = yamlTooDeepAt(text);
  if (tooDeepAt !== undefined) {
    return { root: undefined, problems: [{ offset: tooDeepAt, length: 1, message: `Nesting is deeper than ${MAX_YAML_NESTING_DEPTH} levels; the document was not analysed.` }] };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false });
  } catch (error) {
    // The yaml package recurses while composing; a stack overflow on absurd nesting is the one
    // failure we expect from it and it leaves no state behind.
    const message = error instanceof RangeError ? `Nesting is too deep to analyse.` : `The YAML could not be read: ${String(error)}`;
    return { root: undefined, problems: [{ offset: 0, length: 1, message }] };
  }
  const problems: SyntaxProblem[] = doc.errors.map((e) => ({
    offset: e.pos[0],
    length: Math.max(1, e.pos[1] - e.pos[0]),
    message: firstLine(e.message),
  }));
  if (!text.trim()) problems.push({ offset: 0, length: 0, message: 'The document is empty.' });
  let root: AstNode | undefined;
  try {
    root = doc.contents ? convert(doc.contents as YamlNode, doc, new OffsetTable(), undefined, 0) : undefined;
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    problems.push({ offset: error.offset, length: 1, message: `Nesting is deeper than ${MAX_NESTING_DEPTH} levels; the document was not analysed.` });
    root = undefined;
  }
  return { root, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function convert(node: YamlNode, doc: Document.Parsed, table: OffsetTable, parent: AstNode | undefined, depth: number): AstNode {
  const [start, valueEnd] = node.range ?? [0, 0, 0];
  if (depth > MAX_NESTING_DEPTH) throw new TooDeep(start);
  if (isAlias(node)) {
    const target = node.resolve(doc);
    const out = target ? convert(target, doc, table, parent, depth + 1) : scalar(null, start, valueEnd, table, parent);
    shiftRoot(out, start, valueEnd);
    return out;
  }
  if (isMap(node)) {
    const out: AstNode = new SyntaxNode('object', table, start, valueEnd - start, parent, undefined, true);
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as YamlNode | null;
      const keyStart = key?.range?.[0] ?? start;
      const keyEnd = key?.range?.[1] ?? keyStart;
      const value = pair.value as YamlNode | null;
      const end = value?.range?.[1] ?? keyEnd;
      const prop: AstNode = new SyntaxNode('property', table, keyStart, end - keyStart, out, undefined, true);
      const keyValue = isScalar(key) ? String(key.value) : key ? String(key) : '';
      prop.children!.push(new SyntaxNode('string', table, keyStart, keyEnd - keyStart, prop, keyValue));
      if (value) prop.children!.push(convert(value, doc, table, prop, depth + 1));
      else prop.children!.push(scalar(null, keyEnd, keyEnd, table, prop));
      out.children!.push(prop);
    }
    return out;
  }
  if (isSeq(node)) {
    const out: AstNode = new SyntaxNode('array', table, start, valueEnd - start, parent, undefined, true);
    for (const item of node.items) if (item) out.children!.push(convert(item as YamlNode, doc, table, out, depth + 1));
    return out;
  }
  if (isScalar(node)) return scalar(node.value, start, valueEnd, table, parent);
  return scalar(null, start, valueEnd, table, parent);
}

function scalar(value: unknown, start: number, end: number, table: OffsetTable, parent: AstNode | undefined): AstNode {
  const type = value === null || value === undefined ? 'null'
    : typeof value === 'number' || typeof value === 'bigint' ? 'number'
    : typeof value === 'boolean' ? 'boolean'
    : 'string';
  const normalized = type === 'string' ? String(value instanceof Date ? value.toISOString() : value)
    : type === 'number' ? Number(value) : type === 'null' ? null : value;
  return new SyntaxNode(type, table, start, end - start, parent, normalized);
}

/** An alias reports at its own position, not at the anchor's. */
function shiftRoot(node: AstNode, start: number, end: number): void {
  node.offset = start;
  node.length = end - start;
}
