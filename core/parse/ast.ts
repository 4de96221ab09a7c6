// The syntax tree every later stage reads: jsonc-parser's node shape, shared by JSON and YAML input.
// Offsets are UTF-16 code units into the document text; every node knows its parent, so a JSON
// pointer can be derived from any node without keeping a copy of it.
import type { NodeType } from 'jsonc-parser';

/** A node of the syntax tree: jsonc-parser's `Node` shape (mutable), plus what placeholders need. */
export interface AstNode {
  type: NodeType;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- jsonc-parser's own type
  value?: any;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: AstNode;
  children?: AstNode[];
  /**
   * Set on a value that was a bare deploy-time placeholder in the source, such as
   * `"Seconds": ${Delay}`; `value` then holds the placeholder text.
   */
  bare?: boolean;
}

/**
 * The offsets of one tree's nodes, kept in typed arrays beside the nodes: an edit moves every
 * later node in one tight pass over integers instead of a walk over objects (at the 1 MB limit
 * that is tens of thousands of nodes per keystroke). Entries of replaced nodes stay until compaction.
 */
export class OffsetTable {
  offsets = new Int32Array(1024);
  lengths = new Int32Array(1024);
  /** -1 when the node has no colon (every node but a property with one). */
  colons = new Int32Array(1024).fill(-1);
  /** 1 for a value that was a bare placeholder (AstNode.bare): rare, so not a field on every node. */
  bare = new Uint8Array(1024);
  size = 0;
  /** Entries that belong to nodes no longer in the tree. */
  dead = 0;

  add(offset: number, length: number): number {
    if (this.size === this.offsets.length) this.grow();
    const id = this.size++;
    this.offsets[id] = offset;
    this.lengths[id] = length;
    this.colons[id] = -1; // the slot may have been used by a parse that was dropped
    this.bare[id] = 0;
    return id;
  }

  /** Adds entry `id` of `from` (compaction into a fresh table); returns its id here. */
  addFrom(from: OffsetTable, id: number): number {
    const to = this.add(from.offsets[id], from.lengths[id]);
    this.colons[to] = from.colons[id];
    this.bare[to] = from.bare[id];
    return to;
  }

  /**
   * An edit replaced `[changeStart, oldEnd)` and changed the length by `delta`: later nodes move,
   * nodes around the change grow. Entries `[skipFrom, skipTo)` (nodes placed in the new text
   * already) are left alone.
   */
  shift(changeStart: number, oldEnd: number, delta: number, skipFrom = this.size, skipTo = this.size): void {
    if (delta === 0) return;
    const { offsets, lengths, colons } = this;
    for (let id = 0; id < this.size; id++) {
      if (id === skipFrom) id = skipTo;
      if (id >= this.size) break;
      const offset = offsets[id];
      if (offset >= oldEnd) offsets[id] = offset + delta;
      else if (offset <= changeStart && offset + lengths[id] >= oldEnd) lengths[id] += delta;
      if (colons[id] >= oldEnd) colons[id] += delta;
    }
  }

  private grow(): void {
    const size = this.offsets.length * 2;
    const copy = (from: Int32Array, fill = 0) => {
      const to = new Int32Array(size).fill(fill);
      to.set(from);
      return to;
    };
    this.offsets = copy(this.offsets);
    this.lengths = copy(this.lengths);
    this.colons = copy(this.colons, -1);
    const bare = new Uint8Array(size);
    bare.set(this.bare);
    this.bare = bare;
  }
}

/**
 * The one node class both parsers build. Every field is set in the constructor, so V8 sees one
 * object shape; offsets live in the tree's OffsetTable. Node 20 has no pointer compression, so
 * each field costs 8 bytes on every node: a container's children and a scalar's value share one
 * slot (a node never has both), and the rare `bare` flag lives in the table.
 */
export class SyntaxNode implements AstNode {
  type: NodeType;
  table: OffsetTable;
  parent: AstNode | undefined;
  id: number;
  private slot: unknown;
  constructor(type: NodeType, table: OffsetTable, offset: number, length: number, parent: AstNode | undefined, value?: unknown, withChildren = false) {
    this.type = type;
    this.table = table;
    this.parent = parent;
    this.id = table.add(offset, length);
    this.slot = withChildren ? [] : value;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- jsonc-parser's own type
  get value(): any {
    const slot = this.slot;
    return Array.isArray(slot) ? undefined : slot;
  }
  set value(value: unknown) {
    if (!Array.isArray(this.slot)) this.slot = value;
  }
  get children(): AstNode[] | undefined {
    const slot = this.slot;
    return Array.isArray(slot) ? slot : undefined;
  }
  set children(children: AstNode[] | undefined) {
    this.slot = children;
  }
  get bare(): boolean | undefined {
    return this.table.bare[this.id] === 1 ? true : undefined;
  }
  set bare(bare: boolean | undefined) {
    this.table.bare[this.id] = bare ? 1 : 0;
  }

  get offset(): number {
    return this.table.offsets[this.id];
  }
  set offset(value: number) {
    this.table.offsets[this.id] = value;
  }
  get length(): number {
    return this.table.lengths[this.id];
  }
  set length(value: number) {
    this.table.lengths[this.id] = value;
  }
  get colonOffset(): number | undefined {
    const colon = this.table.colons[this.id];
    return colon < 0 ? undefined : colon;
  }
  set colonOffset(value: number | undefined) {
    this.table.colons[this.id] = value ?? -1;
  }
}

export type ObjectNode = AstNode & { type: 'object'; children: AstNode[] };
export type PropertyNode = AstNode & { type: 'property'; children: AstNode[] };

/** A text range as offsets: what the engine reports; adapters convert it to lines. */
export interface OffsetRange {
  offset: number;
  length: number;
}

export function isObject(node: AstNode | undefined): node is ObjectNode {
  return node?.type === 'object';
}

export function isArray(node: AstNode | undefined): node is AstNode & { type: 'array'; children: AstNode[] } {
  return node?.type === 'array';
}

/** The string value of a node, or undefined when it is not a string. */
export function stringOf(node: AstNode | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

/** The property nodes of an object node, in document order. */
export function propertiesOf(node: AstNode | undefined): PropertyNode[] {
  return isObject(node) ? (node.children as PropertyNode[]) : [];
}

/** The key text of a property node. */
export function keyOf(prop: AstNode): string {
  return (prop.children?.[0]?.value as string) ?? '';
}

/**
 * The property node for `key` in an object node. When a key is duplicated the last one
 * wins, as in `JSON.parse` and in Step Functions.
 */
export function propertyOf(node: AstNode | undefined, key: string): PropertyNode | undefined {
  if (!isObject(node)) return undefined;
  const children = node.children;
  for (let i = children.length - 1; i >= 0; i--) {
    const prop = children[i] as PropertyNode;
    if (prop.children?.[0]?.value === key) return prop;
  }
  return undefined;
}

/** The value node for `key` in an object node. */
export function valueOf(node: AstNode | undefined, key: string): AstNode | undefined {
  return propertyOf(node, key)?.children?.[1];
}

/** The key node of a property, given its value node (undefined for array items and the root). */
export function keyNodeOf(value: AstNode): AstNode | undefined {
  const parent = value.parent;
  return parent?.type === 'property' && parent.children?.[1] === value ? parent.children[0] : undefined;
}

/** Escapes one RFC 6901 reference token. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The RFC 6901 JSON pointer of a node. A property node and a key node both answer with the
 * pointer of the property's value.
 * @example pointerOf(<value of States.Notify.Parameters.Password>) === '/States/Notify/Parameters/Password'
 */
export function pointerOf(node: AstNode | undefined): string {
  const tokens: string[] = [];
  let current = node;
  if (current?.parent?.type === 'property' && current.parent.children?.[0] === current) current = current.parent;
  while (current) {
    const parent: AstNode | undefined = current.parent;
    if (current.type === 'property') {
      tokens.push(escapePointerToken(keyOf(current)));
      current = parent; // the object
    } else if (parent?.type === 'array') {
      tokens.push(String(parent.children!.indexOf(current)));
      current = parent;
    } else {
      current = parent;
    }
  }
  return tokens.length ? '/' + tokens.reverse().join('/') : '';
}

/** Finds the node at a JSON pointer, or undefined. */
export function nodeAtPointer(root: AstNode | undefined, pointer: string): AstNode | undefined {
  if (pointer === '') return root;
  let current = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isObject(current)) current = valueOf(current, token);
    else if (isArray(current)) current = current.children[Number(token)];
    else return undefined;
  }
  return current;
}

/** The plain JavaScript value of a subtree (placeholders stay as their text). */
export function plainValue(node: AstNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of propertiesOf(node)) out[keyOf(prop)] = plainValue(prop.children[1]);
      return out;
    }
    case 'array':
      return (node.children ?? []).map(plainValue);
    default:
      return node.value;
  }
}
