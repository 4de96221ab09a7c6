// A document's text as an immutable piece table: pieces of a flat base string and of the typed
// text. Applying an edit makes a new version without building a string of the whole document
// (in V8 `a + b` is a rope that the next read flattens: 17 MB copied per keystroke at 20,000
// states). `toString()` materialises the text once per version, only when a caller needs it.
import { detachedCopy } from './detached-copy';

/** Read access shared by plain strings and PieceText. */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** More pieces than this are folded back into one flat string, so reads stay cheap. */
export const MAX_PIECES = 256;
/** Typing at the end of a typed piece shorter than this extends it instead of adding a piece. */
const MERGE_LIMIT = 4096;

export class PieceText implements TextSource {
  private flat: string | undefined;

  /**
   * Piece i is `sources[i].slice(froms[i], froms[i] + (ends[i] - ends[i-1]))` and covers the
   * document offsets `[ends[i-1], ends[i])`.
   */
  private constructor(
    private readonly sources: readonly string[],
    private readonly froms: readonly number[],
    private readonly ends: readonly number[],
  ) {
    if (sources.length === 1 && froms[0] === 0 && ends[0] === sources[0].length) this.flat = sources[0];
    if (sources.length === 0) this.flat = '';
  }

  static of(text: string): PieceText {
    return text.length ? new PieceText([text], [0], [text.length]) : new PieceText([], [], []);
  }

  get length(): number {
    return this.ends.length ? this.ends[this.ends.length - 1] : 0;
  }

  get pieceCount(): number {
    return this.sources.length;
  }

  /** The text after replacing `length` code units at `offset` with `text` (clamped to the text). */
  apply(offset: number, length: number, text: string): PieceText {
    const size = this.length;
    const start = Math.max(0, Math.min(offset, size));
    const end = Math.max(start, Math.min(start + Math.max(0, length), size));
    const out = new Builder();
    // Once this version was built as one string, edit that: the older pieces' strings can go.
    const base: PieceText = this.flat !== undefined && this.sources.length > 1 ? PieceText.of(this.flat) : this;
    const { sources, froms, ends } = base;
    let i = 0;
    let pieceStart = 0;
    // Pieces before the change, and the part of the piece the change starts in.
    for (; i < sources.length && ends[i] <= start; i++) {
      out.push(sources[i], froms[i], ends[i] - pieceStart);
      pieceStart = ends[i];
    }
    if (i < sources.length && pieceStart < start) out.push(sources[i], froms[i], start - pieceStart);
    if (text) out.type(text);
    // Skip what the change removed; keep the rest of the piece it ends in, then the later pieces.
    while (i < sources.length && ends[i] <= end) pieceStart = ends[i++];
    if (i < sources.length) {
      out.push(sources[i], froms[i] + (end - pieceStart), ends[i] - end);
      for (i++; i < sources.length; i++) out.push(sources[i], froms[i], ends[i] - ends[i - 1]);
    }
    const next = new PieceText(out.sources, out.froms, out.ends);
    return next.pieceCount > MAX_PIECES ? PieceText.of(flatten(next.toString())) : next;
  }

  /** The whole text; built once per version. */
  toString(): string {
    if (this.flat === undefined) this.flat = this.slice(0, this.length);
    return this.flat;
  }

  /** The characters `[start, end)`; may share memory with the document (use `copy` to keep it). */
  slice(start: number, end: number): string {
    if (this.flat !== undefined) return this.flat.slice(start, end);
    return this.collect(start, end, (source, from, to) => source.slice(from, to));
  }

  /** The characters `[start, end)` in a string of their own (sharing no memory with the document). */
  copy(start: number, end: number): string {
    if (this.flat !== undefined) return detachedCopy(this.flat, Math.max(0, start), Math.min(end, this.flat.length));
    return this.collect(start, end, detachedCopy);
  }

  charCodeAt(offset: number): number {
    if (this.flat !== undefined) return this.flat.charCodeAt(offset);
    if (offset < 0 || offset >= this.length) return NaN;
    const i = this.pieceAt(offset);
    return this.sources[i].charCodeAt(this.froms[i] + offset - (i ? this.ends[i - 1] : 0));
  }

  /** The index of the piece holding `offset` (0 <= offset < length). */
  private pieceAt(offset: number): number {
    const ends = this.ends;
    let low = 0;
    let high = ends.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ends[mid] <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private collect(start: number, end: number, part: (source: string, from: number, to: number) => string): string {
    start = Math.max(0, start);
    end = Math.min(end, this.length);
    if (start >= end) return '';
    let out = '';
    for (let i = this.pieceAt(start); i < this.sources.length; i++) {
      const pieceStart = i ? this.ends[i - 1] : 0;
      if (pieceStart >= end) break;
      const from = Math.max(start, pieceStart) - pieceStart + this.froms[i];
      const to = Math.min(end, this.ends[i]) - pieceStart + this.froms[i];
      out += part(this.sources[i], from, to);
    }
    return out;
  }
}

/** Appends pieces, joining one that continues the previous one in the same source. */
class Builder {
  readonly sources: string[] = [];
  readonly froms: number[] = [];
  readonly ends: number[] = [];
  push(source: string, from: number, length: number): void {
    if (length <= 0) return;
    const last = this.sources.length - 1;
    const end = last >= 0 ? this.ends[last] : 0;
    if (last >= 0 && this.sources[last] === source && this.froms[last] + (end - (last ? this.ends[last - 1] : 0)) === from) {
      this.ends[last] = end + length;
    } else {
      this.sources.push(source);
      this.froms.push(from);
      this.ends.push(end + length);
    }
  }

  /** Adds typed text, extending the previous piece when that is short typed text too. */
  type(text: string): void {
    const last = this.sources.length - 1;
    const end = last >= 0 ? this.ends[last] : 0;
    const pieceStart = last > 0 ? this.ends[last - 1] : 0;
    if (last >= 0 && end - pieceStart < MERGE_LIMIT && this.sources[last].length < MERGE_LIMIT) {
      const joined = this.sources[last].slice(this.froms[last], this.froms[last] + end - pieceStart) + text;
      this.sources[last] = joined;
      this.froms[last] = 0;
      this.ends[last] = end + text.length;
    } else {
      this.sources.push(text);
      this.froms.push(0);
      this.ends.push(end + text.length);
    }
  }
}

/** A flat copy of a (possibly rope) string, so later reads of the new base cost nothing extra. */
function flatten(text: string): string {
  // Reading one character makes V8 flatten a rope in place; later reads are direct.
  text.charCodeAt(0);
  return text;
}
