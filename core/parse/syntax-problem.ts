// A problem found while parsing text, before any ASL meaning is known.

/** What the parser could not read; becomes an ASL001 finding. */
export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
  /** `notText`: the whole document is not text (a binary or mis-encoded file), `message` says why. */
  kind?: 'notText';
}
