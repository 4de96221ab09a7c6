// A strict JSON parser for the common case, a well-formed document: one pass over char codes
// that builds the same SyntaxNode tree as json-tree.ts (jsonc-parser's visitor), about three
// times faster and without intermediate objects. It gives up at the first thing strict JSON does
// not allow (an error, a comment, a trailing comma, unusual whitespace), and the caller then parses
// with jsonc-parser, whose error recovery and messages stay the reference.
import { SyntaxNode, type AstNode, type OffsetTable } from './ast';
import { MAX_NESTING_DEPTH } from './prescan';
import { finish } from './steps';

class GiveUp {}
const GIVE_UP = new GiveUp();

const enum Code {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperE = 69,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  LowerE = 101,
  LowerF = 102,
  LowerN = 110,
  LowerT = 116,
  OpenBrace = 123,
  CloseBrace = 125,
}

/**
 * The tree of `text` when it is strict JSON, with offsets moved by `base`; undefined otherwise
 * (entries it added to `table` are then dropped).
 */
export function parseJsonStrict(text: string, table: OffsetTable, base = 0): AstNode | undefined {
  return finish(parseJsonStrictInSteps(text, table, base));
}

/** Values parsed between two pauses of parseJsonStrictInSteps, wherever they are: one state may hold millions. */
const VALUES_PER_STEP = 8192;

/**
 * The same parse in steps, for documents far above the 1 MB limit: it pauses after each property
 * of the root object, after each state of the top-level `States`, and after every
 * VALUES_PER_STEP values, so a caller can give the thread back even inside one huge state.
 */
export function* parseJsonStrictInSteps(text: string, table: OffsetTable, base = 0): Generator<void, AstNode | undefined> {
  const before = table.size;
  const parser = new StrictParser(text, table, base);
  try {
    const root = yield* parser.valueInSteps();
    parser.skipSpace();
    if (parser.pos !== text.length) throw GIVE_UP;
    return root;
  } catch (error) {
    if (error !== GIVE_UP && !(error instanceof RangeError)) throw error;
    table.size = before;
    return undefined;
  }
}

class StrictParser {
  pos = 0;
  /** Open containers; deeper than MAX_NESTING_DEPTH it gives up, and the pre-scan reports where. */
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly table: OffsetTable,
    private readonly base: number,
  ) {}

  skipSpace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === Code.Space || c === Code.LineFeed || c === Code.CarriageReturn || c === Code.Tab) pos++;
      else break;
    }
    this.pos = pos;
  }

  /** A string, number or keyword at `pos`, whose first char code is `c`. */
  private scalar(c: number, parent: AstNode | undefined): AstNode {
    switch (c) {
      case Code.Quote: {
        const start = this.pos;
        const value = this.string();
        return new SyntaxNode('string', this.table, this.base + start, this.pos - start, parent, value);
      }
      case Code.LowerT:
        return this.word('true', true, 'boolean', parent);
      case Code.LowerF:
        return this.word('false', false, 'boolean', parent);
      case Code.LowerN:
        return this.word('null', null, 'null', parent);
      default:
        if (c === Code.Minus || (c >= Code.Zero && c <= Code.Nine)) return this.number(parent);
        throw GIVE_UP;
    }
  }

  // Children are gathered on one shared stack and cut off at the end of their container, so each
  // node keeps an array of exactly its size (a pushed-to array keeps room for 17 or more).
  private readonly pending: AstNode[] = [];

  /**
   * The value at `pos` (the document's root), without recursion: open containers are kept on
   * explicit stacks, so the parse can pause anywhere (parseJsonStrictInSteps says where it does).
   */
  *valueInSteps(): Generator<void, AstNode> {
    const text = this.text;
    const pending = this.pending;
    // The open containers, innermost last: the node, where its children start in `pending`, and
    // for an object the property being read and its key.
    const containers: SyntaxNode[] = [];
    const firsts: number[] = [];
    const properties: (SyntaxNode | undefined)[] = [];
    const keys: (SyntaxNode | undefined)[] = [];
    let owner: AstNode | undefined; // the parent of the next value
    let budget = VALUES_PER_STEP;
    for (;;) {
      this.skipSpace();
      const c = text.charCodeAt(this.pos);
      let value: AstNode;
      if (c === Code.OpenBrace || c === Code.OpenBracket) {
        const isObject = c === Code.OpenBrace;
        const node = this.open(isObject ? 'object' : 'array', owner);
        if (this.closesAt(isObject ? Code.CloseBrace : Code.CloseBracket)) value = this.close(node, []);
        else {
          containers.push(node);
          firsts.push(pending.length);
          const property = isObject ? this.propertyHead(node) : undefined;
          properties.push(property);
          keys.push(property && this.lastKey);
          owner = property ?? node;
          continue;
        }
      } else value = this.scalar(c, owner);
      // Hand the value to its container; close the containers it completes.
      for (;;) {
        const depth = containers.length;
        if (depth === 0) return value;
        const node = containers[depth - 1];
        const property = properties[depth - 1];
        pending.push(property ? this.propertyEnd(property, keys[depth - 1]!, value) : value);
        // A pause after each property of the root object and after each top-level state.
        if (depth <= 2 && containers[0].type === 'object' && (depth === 1 || (node.type === 'object' && keys[0]!.value === 'States'))) yield;
        if (this.separator(property ? Code.CloseBrace : Code.CloseBracket)) {
          if (property) {
            owner = properties[depth - 1] = this.propertyHead(node);
            keys[depth - 1] = this.lastKey;
          } else owner = node;
          break;
        }
        value = this.close(node, pending.splice(firsts[depth - 1]));
        containers.pop();
        firsts.pop();
        properties.pop();
        keys.pop();
      }
      if (--budget === 0) {
        budget = VALUES_PER_STEP;
        yield;
      }
    }
  }

  /** A container node at `pos` (its opening bracket), with `pos` moved past it. */
  private open(type: 'object' | 'array', parent: AstNode | undefined): SyntaxNode {
    if (++this.depth > MAX_NESTING_DEPTH) throw GIVE_UP;
    const node = new SyntaxNode(type, this.table, this.base + this.pos, -1, parent, undefined, false);
    this.pos++;
    return node;
  }

  /** True (and `pos` past it) when the container is empty: `close` comes next. */
  private closesAt(close: Code): boolean {
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== close) return false;
    this.pos++;
    return true;
  }

  /** After an item: true at a comma (another item follows), false at `close`; anything else gives up. */
  private separator(close: Code): boolean {
    this.skipSpace();
    const c = this.text.charCodeAt(this.pos++);
    if (c === Code.Comma) return true;
    if (c === close) return false;
    throw GIVE_UP;
  }

  private close(node: SyntaxNode, children: AstNode[]): SyntaxNode {
    this.depth--;
    node.children = children;
    node.length = this.base + this.pos - node.offset;
    return node;
  }

  /** The key node propertyHead read last (a field, not a returned pair: one object less per property). */
  private lastKey: SyntaxNode | undefined;

  /** `"key":` at `pos` (after optional space), as a property of `node` (its key node in lastKey); `pos` ends at the value. */
  private propertyHead(node: AstNode): SyntaxNode {
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== Code.Quote) throw GIVE_UP;
    const keyStart = this.pos;
    const name = this.key();
    const property = new SyntaxNode('property', this.table, this.base + keyStart, -1, node, undefined, false);
    const key = new SyntaxNode('string', this.table, this.base + keyStart, this.pos - keyStart, property, name);
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== Code.Colon) throw GIVE_UP;
    property.colonOffset = this.base + this.pos;
    this.pos++;
    this.skipSpace();
    this.lastKey = key;
    return property;
  }

  private propertyEnd(property: SyntaxNode, key: SyntaxNode, value: AstNode): SyntaxNode {
    property.children = [key, value];
    property.length = value.offset + value.length - property.offset;
    return property;
  }

  private key(): string {
    return internedKey(this.string());
  }

  /** Reads a string token at `pos` (a quote) and returns its value; `pos` ends after it. */
  private string(): string {
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === Code.Quote) break;
      if (c === Code.Backslash) {
        escaped = true;
        pos += 2;
        continue;
      }
      // Control characters (and the end of the text, NaN) are errors jsonc-parser reports.
      if (!(c >= 0x20)) throw GIVE_UP;
      pos++;
    }
    this.pos = pos + 1;
    if (!escaped) return text.slice(start + 1, pos);
    // JSON.parse applies exactly JSON's escapes and rejects the rest.
    try {
      return JSON.parse(text.slice(start, pos + 1)) as string;
    } catch {
      throw GIVE_UP;
    }
  }

  private number(parent: AstNode | undefined): AstNode {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === Code.Minus) pos++;
    const first = text.charCodeAt(pos);
    if (first === Code.Zero) pos++;
    else if (first > Code.Zero && first <= Code.Nine) while (isDigit(text.charCodeAt(pos))) pos++;
    else throw GIVE_UP;
    if (text.charCodeAt(pos) === Code.Dot) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) throw GIVE_UP;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    const e = text.charCodeAt(pos);
    if (e === Code.LowerE || e === Code.UpperE) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === Code.Plus || sign === Code.Minus) pos++;
      if (!isDigit(text.charCodeAt(pos))) throw GIVE_UP;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    if (!endsToken(text.charCodeAt(pos))) throw GIVE_UP;
    this.pos = pos;
    return new SyntaxNode('number', this.table, this.base + start, pos - start, parent, Number(text.slice(start, pos)));
  }

  private word(word: string, value: boolean | null, type: 'boolean' | 'null', parent: AstNode | undefined): AstNode {
    const start = this.pos;
    if (!this.text.startsWith(word, start) || !endsToken(this.text.charCodeAt(start + word.length))) throw GIVE_UP;
    this.pos = start + word.length;
    return new SyntaxNode(type, this.table, this.base + start, word.length, parent, value);
  }
}

// Keys repeat in every state ("Type", "Next", "Resource") and across documents and edits: one
// string per distinct key, shared by every parse. The pool is emptied when it gets large (a
// document's state names are keys too), which only costs re-interning.
const keyPool = new Map<string, string>();
const KEY_POOL_LIMIT = 100_000;

/** One shared, internalized string per distinct key. */
function internedKey(name: string): string {
  const known = keyPool.get(name);
  if (known !== undefined) return known;
  if (keyPool.size >= KEY_POOL_LIMIT) keyPool.clear();
  const interned = internalized(name);
  keyPool.set(name, interned);
  return interned;
}

// A dictionary-mode object (no prototype): adding a key stores it in V8's string table without
// adding a hidden-class transition per distinct key, as `{ [name]: 0 }` would.
const internalizer: Record<string, number> = Object.create(null);

/**
 * The same string as V8 stores property names: rules compare keys with literals (`=== 'Next'`)
 * all the time, and two internalized strings that differ are told apart without reading them.
 */
function internalized(name: string): string {
  internalizer[name] = 0;
  const key = Object.keys(internalizer)[0];
  delete internalizer[name];
  return key === name ? key : name;
}

function isDigit(c: number): boolean {
  return c >= Code.Zero && c <= Code.Nine;
}

/** What may follow a number or a keyword in strict JSON (NaN: the end of the text). */
function endsToken(c: number): boolean {
  return c !== c || c === Code.Space || c === Code.Comma || c === Code.CloseBrace || c === Code.CloseBracket || c === Code.LineFeed || c === Code.CarriageReturn || c === Code.Tab;
}
