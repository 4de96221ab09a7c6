// A problem found while parsing text, before any ASL meaning is known.

/** What the parser could not read; becomes an ASL001 finding. */
export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
  /** `notText`: the whole document is not text (a binary or mis-encoded file), `message` says why. */
  kind?: 'notText';
}

/** The message for a document of nothing but white space. */
export const EMPTY_DOCUMENT = 'The document is empty.';

/** The message for a document of nothing but comments and white space: there is no definition to check. */
export const ONLY_COMMENTS = 'The document holds only comments: there is no state machine definition in it.';
