// An open document, in place of vscode-languageserver-textdocument's: that one keeps the text as
// one string rebuilt by every edit (`a + change + b`, flattened by the next read: a copy of the
// whole document per keystroke, 17 MB at 20,000 states). This one keeps a PieceText version per
// edit and a line index updated in place; the whole string is built only when getText() is called.
// positionAt/offsetAt/getText give the library's answers (test/server/text-document.test.ts).
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { LineStarts, PieceText, type TextChange } from '../../core';

export class AslTextDocument implements TextDocument {
  private current: PieceText;
  private readonly lines: LineStarts;

  constructor(readonly uri: string, readonly languageId: string, private versionNumber: number, content: string) {
    this.current = PieceText.of(content);
    this.lines = new LineStarts(content);
  }

  static create(uri: string, languageId: string, version: number, content: string): AslTextDocument {
    return new AslTextDocument(uri, languageId, version, content);
  }

  get version(): number {
    return this.versionNumber;
  }

  /** This version's text, to read in pieces (the next edit makes a new one; this one stays valid). */
  get text(): PieceText {
    return this.current;
  }

  get lineCount(): number {
    return this.lines.count;
  }

  getText(range?: Range): string {
    if (!range) return this.current.toString();
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    return this.current.slice(Math.min(start, end), Math.max(start, end));
  }

  /**
   * Applies one didChange event and returns it as offsets into the text it applied to. A change
   * without a range replaces the whole text.
   */
  apply(change: TextDocumentContentChangeEvent): TextChange {
    if (!('range' in change) || !change.range) {
      const replaced = { offset: 0, length: this.current.length, text: change.text };
      this.current = PieceText.of(change.text);
      this.lines.update(0, replaced.length, change.text.length, this.current);
      return replaced;
    }
    let { start, end } = change.range;
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
    const offset = this.offsetAt(start);
    const length = this.offsetAt(end) - offset;
    this.current = this.current.apply(offset, length, change.text);
    this.lines.update(offset, offset + length, change.text.length, this.current);
    return { offset, length, text: change.text };
  }

  setVersion(version: number): void {
    this.versionNumber = version;
  }

  getLineRange(line: number): Range {
    if (line >= this.lines.count) {
      const last = this.lines.count - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.current.length - this.lines.startOf(last) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = this.lines.startOf(line);
    const end = this.beforeEol(this.nextLineStart(line), start);
    return { start: { line, character: 0 }, end: { line, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    if (line >= this.lines.count || line < 0) return '';
    const next = this.nextLineStart(line);
    return this.current.slice(this.beforeEol(next, this.lines.startOf(line)), next);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.current.length), 0);
    const line = this.lines.lineOf(offset);
    const lineStart = this.lines.startOf(line);
    return { line, character: this.beforeEol(offset, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines.count) return this.current.length;
    if (position.line < 0) return 0;
    const lineStart = this.lines.startOf(position.line);
    if (position.character <= 0) return lineStart;
    return this.beforeEol(Math.min(lineStart + position.character, this.nextLineStart(position.line)), lineStart);
  }

  private nextLineStart(line: number): number {
    return line + 1 < this.lines.count ? this.lines.startOf(line + 1) : this.current.length;
  }

  /** Moves an offset back over line-ending characters, never before the line's start. */
  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart) {
      const c = this.current.charCodeAt(offset - 1);
      if (c !== 10 && c !== 13) break;
      offset--;
    }
    return offset;
  }
}
