// The start offset of every line, kept up to date edit by edit: an edit rescans only the text it
// inserted (plus the characters on either side, for a `\r\n` split or joined by it) and shifts
// the later starts in place in a typed array. `\r\n`, `\n` and a lone `\r` each end a line.

/** What a line index reads: a string, or a PieceText. */
export interface CharSource {
  readonly length: number;
  charCodeAt(offset: number): number;
}

const CR = 13;
const LF = 10;

export class LineStarts {
  private starts: Int32Array;
  private size: number;

  constructor(text: CharSource) {
    this.starts = new Int32Array(16);
    this.size = 0;
    this.add(0);
    scan(text, 1, text.length, (offset) => this.add(offset));
  }

  get count(): number {
    return this.size;
  }

  /** The start offset of `line` (0 <= line < count). */
  startOf(line: number): number {
    return this.starts[line];
  }

  /** The line holding `offset`: the last line starting at or before it. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * Records that `[start, end)` of the old text became `insertedLength` code units; `text` is the
   * NEW text. Only starts in `[start, start + insertedLength]` can differ from the old ones (each
   * depends on the characters just before and at it); later ones shift.
   */
  update(start: number, end: number, insertedLength: number, text: CharSource): void {
    const delta = insertedLength - (end - start);
    const first = this.firstAtOrAfter(start);
    const after = this.firstAtOrAfter(end + 1);
    const fresh: number[] = [];
    if (start === 0) fresh.push(0);
    scan(text, Math.max(1, start), start + insertedLength, (offset) => fresh.push(offset));
    const kept = this.size - after;
    this.reserve(first + fresh.length + kept);
    this.starts.copyWithin(first + fresh.length, after, this.size);
    for (let i = 0; i < fresh.length; i++) this.starts[first + i] = fresh[i];
    this.size = first + fresh.length + kept;
    if (delta) for (let i = first + fresh.length; i < this.size; i++) this.starts[i] += delta;
  }

  private firstAtOrAfter(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private add(offset: number): void {
    this.reserve(this.size + 1);
    this.starts[this.size++] = offset;
  }

  private reserve(size: number): void {
    if (size <= this.starts.length) return;
    const grown = new Int32Array(Math.max(size, this.starts.length * 2));
    grown.set(this.starts.subarray(0, this.size));
    this.starts = grown;
  }
}

/** Calls `found` for each offset in `[from, to]` (from >= 1) where a line starts in `text`. */
function scan(text: CharSource, from: number, to: number, found: (offset: number) => void): void {
  let previous = from - 1 < text.length ? text.charCodeAt(from - 1) : NaN;
  for (let offset = from; offset <= to; offset++) {
    const current = offset < text.length ? text.charCodeAt(offset) : NaN;
    if (previous === LF || (previous === CR && current !== LF)) found(offset);
    previous = current;
  }
}
