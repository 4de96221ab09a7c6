// The `yaml` package's Document -> our syntax tree. Aliases are expanded in place (an alias reads
// as a copy of its anchor's node), within a budget that grows with the text: nested aliases
// ("billion laughs") would otherwise expand exponentially and exhaust time and memory.
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node as YamlNode } from 'yaml';
import { OffsetTable, SyntaxNode, type AstNode } from './ast';
import { MAX_NESTING_DEPTH } from './prescan';

/** Thrown when the tree would nest deeper than MAX_NESTING_DEPTH (aliases can nest it further). */
export class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

/** Thrown when expanding aliases would go over the budget; `offset`/`length`: the alias written in the text. */
export class TooManyAliasNodes extends Error {
  constructor(
    readonly limit: number,
    readonly offset: number,
    readonly length: number,
  ) {
    super('too many alias nodes');
  }
}

/** Thrown at an alias inside the node it names (`&a [*a]`), which would expand forever. */
export class AliasCycle extends Error {
  constructor(
    readonly offset: number,
    readonly length: number,
  ) {
    super('alias cycle');
  }
}

/** Nodes that alias expansion may add to any document, on top of one per character of text. */
export const ALIAS_NODE_ALLOWANCE = 100_000;

/**
 * How many nodes alias expansion may add for a text of `length` characters: linear in the text,
 * so a few KB cannot become gigabytes, and far above what anchors for shared Retry or Catch blocks
 * add to a real definition. Every expansion adds at least one node, so this bounds their count too.
 */
export function aliasNodeLimit(length: number): number {
  return ALIAS_NODE_ALLOWANCE + length;
}

/** Converts `doc.contents`; throws TooDeep, TooManyAliasNodes or AliasCycle. */
export function convertDocument(doc: Document.Parsed, table: OffsetTable, textLength: number): AstNode | undefined {
  if (!doc.contents) return undefined;
  return new Converter(doc, table, aliasNodeLimit(textLength)).convert(doc.contents as YamlNode, undefined, 0);
}

class Converter {
  /** Alias -> the node it names, computed on the first alias met. */
  private targets: Map<Alias, YamlNode | undefined> | undefined;
  /** Nodes added by expansions that have ended. */
  private expanded = 0;
  /** The alias written in the text whose expansion is under way (its table size at the start), or undefined. */
  private outer: { alias: Alias; sizeBefore: number } | undefined;
  /** Targets whose expansion is under way. */
  private readonly expanding = new Set<YamlNode>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly table: OffsetTable,
    private readonly limit: number,
  ) {}

  convert(node: YamlNode, parent: AstNode | undefined, depth: number): AstNode {
    const [start, valueEnd] = node.range ?? [0, 0, 0];
    if (depth > MAX_NESTING_DEPTH) throw new TooDeep(start);
    if (this.outer && this.expanded + this.table.size - this.outer.sizeBefore > this.limit) {
      const [aliasStart, aliasEnd] = this.outer.alias.range ?? [0, 0, 0];
      throw new TooManyAliasNodes(this.limit, aliasStart, Math.max(1, aliasEnd - aliasStart));
    }
    if (isAlias(node)) return this.alias(node, parent, depth, start, valueEnd);
    if (isMap(node)) {
      const out: AstNode = new SyntaxNode('object', this.table, start, valueEnd - start, parent, undefined, true);
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as YamlNode | null;
        const keyStart = key?.range?.[0] ?? start;
        const keyEnd = key?.range?.[1] ?? keyStart;
        const value = pair.value as YamlNode | null;
        const end = value?.range?.[1] ?? keyEnd;
        const prop: AstNode = new SyntaxNode('property', this.table, keyStart, end - keyStart, out, undefined, true);
        const keyValue = isScalar(key) ? String(key.value) : key ? String(key) : '';
        prop.children!.push(new SyntaxNode('string', this.table, keyStart, keyEnd - keyStart, prop, keyValue));
        if (value) prop.children!.push(this.convert(value, prop, depth + 1));
        else prop.children!.push(scalar(null, keyEnd, keyEnd, this.table, prop));
        out.children!.push(prop);
      }
      return out;
    }
    if (isSeq(node)) {
      const out: AstNode = new SyntaxNode('array', this.table, start, valueEnd - start, parent, undefined, true);
      for (const item of node.items) if (item) out.children!.push(this.convert(item as YamlNode, out, depth + 1));
      return out;
    }
    if (isScalar(node)) return scalar(node.value, start, valueEnd, this.table, parent);
    return scalar(null, start, valueEnd, this.table, parent);
  }

  /** A copy of the alias's target, reported at the alias's own position. */
  private alias(node: Alias, parent: AstNode | undefined, depth: number, start: number, valueEnd: number): AstNode {
    this.targets ??= aliasTargets(this.doc);
    const target = this.targets.get(node);
    if (target && this.expanding.has(target)) throw new AliasCycle(start, Math.max(1, valueEnd - start));
    const isOuter = !this.outer;
    if (isOuter) this.outer = { alias: node, sizeBefore: this.table.size };
    let out: AstNode;
    if (target) {
      this.expanding.add(target);
      out = this.convert(target, parent, depth + 1);
      this.expanding.delete(target);
    } else out = scalar(null, start, valueEnd, this.table, parent);
    if (isOuter) {
      this.expanded += this.table.size - this.outer!.sizeBefore;
      this.outer = undefined;
    }
    out.offset = start;
    out.length = valueEnd - start;
    return out;
  }
}

/**
 * For every alias, the node it names: the last node with its anchor before it, in the package's
 * visiting order, as `Alias.resolve` finds it. `resolve` walks the whole document for every alias
 * (quadratic: 1,000 aliases took ~5 s); this is one walk for all of them.
 */
function aliasTargets(doc: Document.Parsed): Map<Alias, YamlNode | undefined> {
  const targets = new Map<Alias, YamlNode | undefined>();
  const anchors = new Map<string, YamlNode>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
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
