// Offset <-> line/character conversion. Characters are UTF-16 code units (what LSP and VS Code
// use, and what JavaScript string offsets already are); `\r\n`, `\n` and a lone `\r` each end a line.
import { LineStarts } from './line-starts';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit within the line. */
  character: number;
}

export interface LineRange {
  start: Position;
  end: Position;
}

/** Line/character positions in a fixed text (the CLI's reports); the server's documents keep a LineStarts up to date instead. */
export class LineIndex {
  private readonly starts: LineStarts;

  constructor(private readonly text: string) {
    this.starts = new LineStarts(text);
  }

  get lineCount(): number {
    return this.starts.count;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.starts.lineOf(clamped);
    return { line, character: clamped - this.starts.startOf(line) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.count) return this.text.length;
    const start = this.starts.startOf(position.line);
    const next = position.line + 1 < this.starts.count ? this.starts.startOf(position.line + 1) : this.text.length;
    let lineEnd = next;
    while (lineEnd > start && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }

  rangeAt(offset: number, length: number): LineRange {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}
