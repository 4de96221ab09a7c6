// A fast path for the common shape of YAML definitions: block mappings and sequences, plain and
// quoted scalars (also over several lines), `|`/`>` block scalars, flow collections, empty values
// and comments. It builds the same SyntaxNode tree, with the same ranges, as converting the `yaml`
// package's Document (yaml.ts), whose lexer alone takes ~80 ms cold for 100 KB. It gives up
// (returns undefined) at anything else — anchors, aliases, tags, explicit keys, tabs, CR, several
// documents, uncommon numbers or escapes, anything the package would report — and the caller then
// parses with the package. Where a node ends follows the package's parser
// (yaml/dist/parse/parser.js): a value's line break and the comment lines indented deeper than its
// collection belong to it; trailing comment lines stay with a nested collection when one is
// indented at least as deep as it (and it is not at column 0), otherwise they pass to its parent.
import { SyntaxNode, type AstNode, type OffsetTable } from './ast';

class GiveUp {}
const GIVE_UP = new GiveUp();
const MAX_DEPTH = 200;

/** Characters the fast path never reads: tabs, CR and other line breaks, BOM, control characters. */
const UNSUPPORTED = /[\t\r\u0085\u2028\u2029\uFEFF\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
/** First characters that are YAML indicators (or reserved) at the start of a plain scalar. */
const INDICATOR = /[-?:,[\]{}#&*!|>'"%@`]/;
const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const SIMPLE_INT = /^(?:0|-?[1-9][0-9]{0,14})$/;
const SIMPLE_FLOAT = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
/** The core schema's other numbers (yaml/dist/schema/core): left to the package. */
const OTHER_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };

/** The tree of `text`, or undefined when the text is outside the fast path (or not clean YAML). */
export function parseYamlFast(text: string, table: OffsetTable): AstNode | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  try {
    return new FastYaml(text, table).document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

class FastYaml {
  private readonly n: number;
  private depth = 0;
  /** Set by every value parser: the value's range[1] and range[2] in the package's terms, and where the text after it starts. */
  private valueEnd = 0;
  private nodeEnd = 0;
  private pos = 0;
  /** How many flow collections are open. */
  private flowLevel = 0;
  /** Set by trailing(): the deepest indentation of a comment line it skipped (-1 for none). */
  private trailingCommentIndent = -1;

  constructor(
    private readonly text: string,
    private readonly table: OffsetTable,
  ) {
    this.n = text.length;
  }

  document(): AstNode {
    const { text } = this;
    let start = this.trailing(0);
    if (start < this.n && text.startsWith('---', start)) {
      start = this.trailing(this.lineTail(start + 3)); // `---x` or content after the marker give up
    }
    if (start >= this.n || text.charCodeAt(start) === 32) giveUp();
    const c = text[start];
    let root: AstNode;
    if (c === '{' || c === '[') {
      root = this.flow(start, undefined, -1);
      this.pos = this.lineTail(this.valueEnd);
    } else if (this.isDash(start) || text[start] === '%') giveUp();
    else root = this.blockMap(start, 0, undefined);
    if (this.trailing(this.pos) < this.n) giveUp();
    return root;
  }

  // ---- lines ----

  private lineEnd(i: number): number {
    const e = this.text.indexOf('\n', i);
    return e < 0 ? this.n : e;
  }

  private nextLine(i: number): number {
    const e = this.lineEnd(i);
    return e < this.n ? e + 1 : this.n;
  }

  private indentOf(lineStart: number): number {
    let k = lineStart;
    while (this.text.charCodeAt(k) === 32) k++;
    return k - lineStart;
  }

  /** The last call of trailing(): each collection that ends at the same comment lines passes them to its parent, which reads them again. */
  private trailingFrom = -1;
  private trailingTo = 0;
  private trailingDeepest = -1;

  /** From a line start, skips blank and comment lines; returns the next content line's start (or the text's end). */
  private trailing(p: number): number {
    if (p === this.trailingFrom) {
      this.trailingCommentIndent = this.trailingDeepest;
      return this.trailingTo;
    }
    const from = p;
    const { text, n } = this;
    let deepest = -1;
    while (p < n) {
      const e = this.lineEnd(p);
      let k = p;
      while (k < e && text.charCodeAt(k) === 32) k++;
      if (k < e && text[k] !== '#') break;
      if (k < e && k - p > deepest) deepest = k - p;
      p = e < n ? e + 1 : n;
    }
    this.trailingCommentIndent = this.trailingDeepest = deepest;
    this.trailingFrom = from;
    this.trailingTo = p;
    return p;
  }

  /** After a value on its line: spaces, then a comment or nothing; returns the next line's start. */
  private lineTail(i: number): number {
    const { text } = this;
    let k = i;
    while (text.charCodeAt(k) === 32) k++;
    if (k < this.n && text[k] !== '\n') {
      if (text[k] !== '#' || k === i) giveUp();
    }
    return this.nextLine(k);
  }

  /** Comment lines indented deeper than the collection (`indent`) after a value belong to the value. */
  private absorbIndentedComments(p: number, indent: number): number {
    const { text, n } = this;
    for (;;) {
      let q = p;
      while (q < n) {
        const k = q + this.indentOf(q);
        if (k < n && text[k] !== '\n') break;
        q = k < n ? k + 1 : n;
      }
      if (q >= n) return p;
      const k = q + this.indentOf(q);
      if (text[k] !== '#' || k - q <= indent) return p;
      p = this.nextLine(k);
    }
  }

  private isDash(i: number): boolean {
    if (this.text[i] !== '-') return false;
    const next = this.text[i + 1];
    return next === undefined || next === ' ' || next === '\n';
  }

  // ---- block collections ----

  /** A block mapping whose first key starts at `keyStart`; `indent` is that key's column. */
  private blockMap(keyStart: number, indent: number, parent: AstNode | undefined): AstNode {
    if (++this.depth > MAX_DEPTH) giveUp();
    const node = new SyntaxNode('object', this.table, keyStart, 0, parent, undefined, true);
    let at = keyStart;
    let lastEnd: number;
    for (;;) {
      const colon = this.keyColon(at);
      if (colon < 0) giveUp();
      const key = this.keyValue;
      const prop = new SyntaxNode('property', this.table, at, 0, node, undefined, true);
      prop.children!.push(new SyntaxNode('string', this.table, at, this.keyEnd - at, prop, key));
      prop.children!.push(this.value(colon + 1, indent, prop, false));
      prop.length = this.valueEnd - at;
      node.children!.push(prop);
      lastEnd = this.nodeEnd;
      const from = this.pos;
      const next = this.trailing(from);
      const k = next < this.n ? this.indentOf(next) : -1;
      if (k === indent) {
        at = next + k;
        if (this.isDash(at)) giveUp();
        continue;
      }
      if (k > indent) giveUp();
      this.endCollection(node, keyStart, lastEnd, indent, from, next);
      this.depth--;
      return node;
    }
  }

  /** A block sequence whose first `-` is at `dash`; `indent` is its column. */
  private blockSeq(dash: number, indent: number, parent: AstNode | undefined): AstNode {
    if (++this.depth > MAX_DEPTH) giveUp();
    const node = new SyntaxNode('array', this.table, dash, 0, parent, undefined, true);
    let at = dash;
    for (;;) {
      node.children!.push(this.seqItem(at + 1, at - indent, indent, node));
      const lastEnd = this.nodeEnd;
      const from = this.pos;
      const next = this.trailing(from);
      const k = next < this.n ? this.indentOf(next) : -1;
      if (k === indent && this.isDash(next + k)) {
        at = next + k;
        continue;
      }
      if (k > indent) giveUp();
      this.endCollection(node, dash, lastEnd, indent, from, next);
      this.depth--;
      return node;
    }
  }

  /**
   * A collection ends before the content line `next` (or the text's end). The comment lines in
   * between stay with it when one is indented at least as deep as it (and it is not at column 0);
   * otherwise they pass to its parent, which reads them again from `from`.
   */
  private endCollection(node: AstNode, start: number, lastEnd: number, indent: number, from: number, next: number): void {
    node.length = lastEnd - start;
    const keeps = indent > 0 && this.trailingCommentIndent >= indent;
    this.valueEnd = lastEnd;
    // Kept, they run up to the next line's content (its indentation too).
    this.nodeEnd = keeps ? next + (next < this.n ? this.indentOf(next) : 0) : lastEnd;
    this.pos = keeps ? next : from;
  }

  private seqItem(afterDash: number, lineStart: number, indent: number, parent: AstNode): AstNode {
    const { text } = this;
    let j = afterDash;
    while (text.charCodeAt(j) === 32) j++;
    if (j < this.n && text[j] !== '\n' && text[j] !== '#') {
      if (this.isDash(j)) giveUp();
      if (this.keyColon(j) >= 0) return this.blockMap(j, j - lineStart, parent);
    }
    return this.value(afterDash, indent, parent, true);
  }

  /**
   * The value after a key's `:` or a sequence's `-` at `i`; `indent` is the column of the
   * collection it belongs to.
   */
  private value(i: number, indent: number, parent: AstNode, inSeq: boolean): AstNode {
    const { text, n } = this;
    let j = i;
    while (text.charCodeAt(j) === 32) j++;
    if (j >= n || text[j] === '\n' || (text[j] === '#' && j > i)) {
      // The value is a block collection on the following lines.
      const next = this.trailing(this.nextLine(j));
      const k = next < n ? this.indentOf(next) : -1;
      const at = next + k;
      if (k > indent) return this.isDash(at) ? this.blockSeq(at, k, parent) : this.blockMap(at, k, parent);
      if (k === indent && !inSeq && this.isDash(at)) return this.blockSeq(at, k, parent);
      // An empty value (null) in a mapping, with no comment after it: it ends after the spaces.
      if (!inSeq && text[j] !== '#' && this.trailingCommentIndent < 0) {
        this.valueEnd = this.nodeEnd = this.pos = j;
        return new SyntaxNode('null', this.table, j, 0, parent, null);
      }
      giveUp();
    }
    const c = text[j];
    let node: AstNode;
    if (c === '|' || c === '>') return this.blockScalar(j, indent, parent);
    if (c === '[' || c === '{') node = this.flow(j, parent, indent);
    else if (c === '"' || c === "'") node = this.quoted(j, parent, indent);
    else node = this.plain(j, parent, indent);
    this.nodeEnd = this.absorbIndentedComments(this.lineTail(this.valueEnd), indent);
    this.pos = this.nodeEnd;
    return node;
  }

  // ---- keys ----

  private keyValue = '';
  private keyEnd = 0;

  /** When a mapping key starts at `i`, its `:`'s offset (with keyValue and keyEnd set); else -1. */
  private keyColon(i: number): number {
    const { text } = this;
    const c = text[i];
    let after: number;
    if (c === '"' || c === "'") {
      after = this.quotedEnd(i);
      if (after < 0) return -1;
      this.keyValue = this.quotedValue;
      this.keyEnd = after;
      while (text.charCodeAt(after) === 32) after++;
      if (text[after] !== ':' || !this.separates(after + 1)) return -1;
      return after;
    }
    if (c === undefined || (INDICATOR.test(c) && !(c === '-' && !this.isDash(i)))) return -1;
    const e = this.lineEnd(i);
    let colon = i;
    for (; colon < e; colon++) {
      const d = text.charCodeAt(colon);
      if (d === 58 /* : */ && this.separates(colon + 1)) break;
      if (d === 35 /* # */ && text.charCodeAt(colon - 1) === 32) return -1;
    }
    if (colon >= e) return -1;
    let end = colon;
    while (text.charCodeAt(end - 1) === 32) end--;
    const key = text.slice(i, end);
    if (end - i > 1000 || NULL.test(key) || TRUE.test(key) || FALSE.test(key) || OTHER_NUMBER.test(key)) giveUp();
    this.keyValue = key;
    this.keyEnd = end;
    return colon;
  }

  private separates(i: number): boolean {
    const c = this.text[i];
    return c === undefined || c === ' ' || c === '\n';
  }

  // ---- scalars ----

  /** A plain scalar in a block collection at `indent`; it goes on over lines indented deeper. */
  private plain(j: number, parent: AstNode, indent: number): AstNode {
    const { text, n } = this;
    const c = text[j];
    if (INDICATOR.test(c) && !(c === '-' && !this.isDash(j))) giveUp();
    let end = this.plainLineEnd(j);
    let raw = text.slice(j, end);
    if (this.hasComment(end)) {
      this.valueEnd = end;
      return this.scalar(raw, j, end, parent);
    }
    for (let empty = 0, p = this.nextLine(end); p < n; ) {
      const k = this.indentOf(p);
      const first = p + k;
      if (first >= n || text[first] === '\n') {
        empty++;
        p = first < n ? first + 1 : n;
        continue;
      }
      if (k <= indent || text[first] === '#') break;
      if (INDICATOR.test(text[first])) giveUp();
      const lineEnd = this.plainLineEnd(first);
      if (this.hasComment(lineEnd)) giveUp();
      raw += (empty ? '\n'.repeat(empty) : ' ') + text.slice(first, lineEnd);
      end = lineEnd;
      empty = 0;
      p = this.nextLine(lineEnd);
    }
    this.valueEnd = end;
    return this.scalar(raw, j, end, parent);
  }

  /** Where plain scalar text starting at `j` ends on its line (before spaces and a comment); gives up at `: `. */
  private plainLineEnd(j: number): number {
    const { text } = this;
    const e = this.lineEnd(j);
    let end = j;
    while (end < e && !(text.charCodeAt(end) === 35 /* # */ && text.charCodeAt(end - 1) === 32)) {
      if (text.charCodeAt(end) === 58 /* : */ && this.separates(end + 1)) giveUp();
      end++;
    }
    while (text.charCodeAt(end - 1) === 32) end--;
    return end;
  }

  /** True when a comment follows `i` on its line. */
  private hasComment(i: number): boolean {
    let k = i;
    while (this.text.charCodeAt(k) === 32) k++;
    return this.text[k] === '#';
  }

  private scalar(raw: string, start: number, end: number, parent: AstNode | undefined): AstNode {
    if (NULL.test(raw)) return new SyntaxNode('null', this.table, start, end - start, parent, null);
    if (TRUE.test(raw)) return new SyntaxNode('boolean', this.table, start, end - start, parent, true);
    if (FALSE.test(raw)) return new SyntaxNode('boolean', this.table, start, end - start, parent, false);
    if (SIMPLE_INT.test(raw)) return new SyntaxNode('number', this.table, start, end - start, parent, parseInt(raw, 10));
    if (SIMPLE_FLOAT.test(raw)) return new SyntaxNode('number', this.table, start, end - start, parent, parseFloat(raw));
    if (OTHER_NUMBER.test(raw)) giveUp();
    return new SyntaxNode('string', this.table, start, end - start, parent, raw);
  }

  private quotedValue = '';

  /**
   * The offset after the quoted scalar opening at `i` (quotedValue set), or -1. It may go on over
   * lines indented deeper than `indent` (-2: one line only); line breaks fold as in YAML.
   */
  private quotedEnd(i: number, indent = -2): number {
    const { text } = this;
    const quote = text[i];
    // `out` is only ever appended to: reading it (charCodeAt, slice) would flatten the rope on
    // every line, which made a quoted scalar of many lines quadratic (28 s at 1.6 MB).
    let out = '';
    let from = i + 1;
    for (let k = i + 1; k < this.n; k++) {
      const c = text[k];
      if (c === '\n') {
        if (indent < -1 || text[k - 1] === '\\') return -1;
        // Trailing spaces of the line fold away. Only raw text since `from` can end in them: an
        // escape, a fold and a `''` (which ends in a quote) all end what was added before it.
        let trimmed = k;
        while (trimmed > from && text.charCodeAt(trimmed - 1) === 32) trimmed--;
        out += text.slice(from, trimmed);
        let empty = 0;
        for (;;) {
          const lineStart = k + 1;
          const depth = this.indentOf(lineStart);
          k = lineStart + depth;
          if (k >= this.n) return -1;
          if (text[k] !== '\n') {
            if (depth <= indent) return -1;
            break;
          }
          empty++;
        }
        out += empty ? '\n'.repeat(empty) : ' ';
        from = k;
        k--;
        continue;
      }
      if (c === quote) {
        if (quote === "'" && text[k + 1] === "'") {
          out += text.slice(from, k + 1);
          from = ++k + 1;
          continue;
        }
        this.quotedValue = out + text.slice(from, k);
        return k + 1;
      }
      if (c === '\\' && quote === '"') {
        const e = text[k + 1];
        let decoded: string | undefined = SIMPLE_ESCAPES[e];
        let skip = 1;
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6))) {
          decoded = String.fromCharCode(parseInt(text.slice(k + 2, k + 6), 16));
          skip = 5;
        }
        if (decoded === undefined) giveUp();
        out += text.slice(from, k) + decoded;
        k += skip;
        from = k + 1;
      }
    }
    return -1;
  }

  private quoted(j: number, parent: AstNode | undefined, indent = -2): AstNode {
    const end = this.quotedEnd(j, indent);
    if (end < 0) giveUp();
    this.valueEnd = end;
    return new SyntaxNode('string', this.table, j, end - j, parent, this.quotedValue);
  }

  private blockScalar(j: number, indent: number, parent: AstNode): AstNode {
    const { text, n } = this;
    const folded = text[j] === '>';
    let h = j + 1;
    const strip = text[h] === '-';
    if (strip) h++;
    while (text.charCodeAt(h) === 32) h++;
    if (h >= n || text[h] !== '\n') giveUp();
    const first = h + 1;
    const contentIndent = this.indentOf(first);
    if (contentIndent <= indent || first + contentIndent >= n || text[first + contentIndent] === '\n') giveUp();
    const lines: string[] = [];
    let end = first;
    let blanks = 0;
    let p = first;
    while (p < n) {
      const e = this.lineEnd(p);
      const k = this.indentOf(p);
      if (p + k === e) {
        if (k > 0) giveUp(); // a line of spaces: content or not depends on rules left to the package
        blanks++;
      } else {
        if (k < contentIndent) break;
        if (folded && k > contentIndent) giveUp();
        for (; blanks > 0; blanks--) lines.push('');
        lines.push(text.slice(p + contentIndent, e));
        if (e >= n) giveUp(); // no line break after the last line
        end = e + 1;
      }
      p = e < n ? e + 1 : n;
    }
    let value = '';
    if (folded) {
      for (let i = 0; i < lines.length; i++) {
        if (lines[i] === '') value += '\n';
        else value += (i > 0 && lines[i - 1] !== '' ? ' ' : '') + lines[i];
      }
    } else value = lines.join('\n');
    if (!strip) value += '\n';
    // A comment line right after the content, indented deeper than the collection: where it
    // belongs is left to the package. (`p` is the first line after the content and blank lines.)
    if (p < n && text[p + this.indentOf(p)] === '#' && this.indentOf(p) > indent) giveUp();
    this.valueEnd = this.nodeEnd = this.pos = end;
    return new SyntaxNode('string', this.table, j, end - j, parent, value);
  }

  // ---- flow collections ----

  /** Skips spaces, line breaks and comments inside a flow collection; continuation lines must be indented deeper than `indent`. */
  private flowSpace(i: number, indent: number): number {
    const { text, n } = this;
    for (;;) {
      while (text.charCodeAt(i) === 32) i++;
      if (i >= n) giveUp();
      const c = text[i];
      if (c === '#') {
        if (text.charCodeAt(i - 1) !== 32 && text[i - 1] !== '\n') giveUp();
        i = this.lineEnd(i);
        continue;
      }
      if (c !== '\n') return i;
      const lineStart = i + 1;
      const k = this.indentOf(lineStart);
      const first = text[lineStart + k];
      // Content lines are indented deeper than the block collection; the outermost closing bracket may be at its column.
      const closesOutermost = this.flowLevel === 1 && (first === ']' || first === '}');
      if (first !== '\n' && first !== '#' && first !== undefined && (closesOutermost ? k < indent : k <= indent)) giveUp();
      i = lineStart;
    }
  }

  /** A flow collection opening at `j`; sets valueEnd after its closing bracket. */
  private flow(j: number, parent: AstNode | undefined, indent: number): AstNode {
    if (++this.depth > MAX_DEPTH) giveUp();
    const { text } = this;
    const isMap = text[j] === '{';
    const close = isMap ? '}' : ']';
    const node = new SyntaxNode(isMap ? 'object' : 'array', this.table, j, 0, parent, undefined, true);
    this.flowLevel++;
    let i = this.flowSpace(j + 1, indent);
    if (text[i] !== close) {
      for (;;) {
        if (isMap) {
          const keyStart = i;
          const prop = new SyntaxNode('property', this.table, keyStart, 0, node, undefined, true);
          const key = this.flowScalar(i, prop, indent, true);
          if (key.type !== 'string') giveUp();
          prop.children!.push(key);
          i = this.flowSpace(this.valueEnd, indent);
          if (text[i] !== ':' || !this.separates(i + 1)) giveUp();
          i = this.flowSpace(i + 1, indent);
          if (text[i] === ',' || text[i] === '}') giveUp();
          prop.children!.push(this.flowNode(i, prop, indent));
          prop.length = this.valueEnd - keyStart;
          node.children!.push(prop);
        } else {
          node.children!.push(this.flowNode(i, node, indent));
        }
        i = this.flowSpace(this.valueEnd, indent);
        if (text[i] === ',') {
          i = this.flowSpace(i + 1, indent);
          if (text[i] === close) break; // a trailing comma
          continue;
        }
        if (text[i] === close) break;
        giveUp();
      }
    }
    node.length = i + 1 - j;
    this.valueEnd = i + 1;
    this.flowLevel--;
    this.depth--;
    return node;
  }

  private flowNode(i: number, parent: AstNode, indent: number): AstNode {
    const c = this.text[i];
    if (c === '{' || c === '[') return this.flow(i, parent, indent);
    return this.flowScalar(i, parent, indent, false);
  }

  private flowScalar(i: number, parent: AstNode, indent: number, isKey: boolean): AstNode {
    const { text } = this;
    const c = text[i];
    if (c === '"' || c === "'") return this.quoted(i, parent);
    if (INDICATOR.test(c)) giveUp();
    let k = i;
    for (; k < this.n; k++) {
      const d = text[k];
      if (d === ',' || d === '[' || d === ']' || d === '{' || d === '}' || d === '\n') break;
      if (d === ':' && /[\s,[\]{}]/.test(text[k + 1] ?? ' ')) break;
      if (d === '#' && text.charCodeAt(k - 1) === 32) break;
    }
    let end = k;
    while (text.charCodeAt(end - 1) === 32) end--;
    const raw = text.slice(i, end);
    if (text[k] === '\n' || (text[k] === '#')) {
      // A plain scalar may go on over lines; only a closing bracket, comma or `:` may follow here.
      const next = text[this.flowSpace(k, indent)];
      if (next !== ',' && next !== ']' && next !== '}' && next !== ':') giveUp();
    }
    if (!isKey && text[this.flowSpace(k, indent)] === ':') giveUp(); // an implicit pair in a sequence
    this.valueEnd = end;
    if (isKey && (end - i > 1000 || NULL.test(raw) || TRUE.test(raw) || FALSE.test(raw) || OTHER_NUMBER.test(raw))) giveUp();
    return this.scalar(raw, i, end, parent);
  }
}
