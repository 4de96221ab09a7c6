// JSON (and JSONC) text -> syntax tree through jsonc-parser, tolerant of half-typed input.
import { printParseErrorCode, stripComments, type ParseError } from 'jsonc-parser';
import { parseJsonTree } from './json-tree';
import { parseJsonStrictInSteps } from './fast-json';
import { finish } from './steps';
import { OffsetTable } from './ast';
import type { AstNode } from './ast';
import { MAX_NESTING_DEPTH, maskPlaceholders, prescanJsonInSteps } from './prescan';
import { mask } from '../secrets/mask';
import { EMPTY_DOCUMENT, ONLY_COMMENTS, type SyntaxProblem } from './syntax-problem';

export interface ParsedJson {
  root: AstNode | undefined;
  problems: SyntaxProblem[];
}

export function parseJson(text: string): ParsedJson {
  return finish(parseJsonInSteps(text));
}

/** The same parse in steps (a pause between top-level states), for documents far above the 1 MB limit. */
export function* parseJsonInSteps(text: string): Generator<void, ParsedJson> {
  // Strict JSON has no bare placeholders, and the strict parser gives up past the nesting limit:
  // when it succeeds, the pre-scan would find nothing, so it only runs when it gives up.
  const strict = yield* parseJsonStrictInSteps(text, new OffsetTable());
  if (strict) return { root: strict, problems: [] };
  const scan = yield* prescanJsonInSteps(text);
  if (scan.tooDeepAt !== undefined) {
    return {
      root: undefined,
      problems: [{
        offset: scan.tooDeepAt,
        length: 1,
        message: `Nesting is deeper than ${MAX_NESTING_DEPTH} levels; the document was not analysed.`,
      }],
    };
  }
  // "Value expected" at offset 0 says less than this, and both would share one offset.
  if (!text.trim()) return { root: undefined, problems: [{ offset: 0, length: 0, message: EMPTY_DOCUMENT }] };
  const errors: ParseError[] = [];
  const masked = maskPlaceholders(text, scan.placeholders);
  const strictMasked = scan.placeholders.length ? yield* parseJsonStrictInSteps(masked, new OffsetTable()) : undefined;
  const root = strictMasked ?? parseJsonTree(masked, errors, { allowTrailingComma: true, disallowComments: false });
  if (root && scan.placeholders.length) restorePlaceholders(root, text, scan.placeholders);
  // "Value expected" at the end says less than this about a file of comments.
  if (!root && errors.length === 1 && printParseErrorCode(errors[0].error) === 'ValueExpected' && !stripComments(masked).trim()) {
    return { root: undefined, problems: [{ offset: 0, length: 0, message: ONLY_COMMENTS }] };
  }
  const problems = errors.map((e) => ({
    offset: e.offset,
    length: Math.max(e.length, 1),
    message: describe(e, text),
  }));
  return { root, problems: dedupe(problems) };
}

function describe(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const near = error.length > 0 ? shownToken(text.substr(error.offset, Math.min(error.length, 64))) : '';
  const words: Record<string, string> = {
    InvalidSymbol: 'Invalid symbol',
    InvalidNumberFormat: 'Invalid number',
    PropertyNameExpected: 'Property name expected',
    ValueExpected: 'Value expected',
    ColonExpected: 'Colon expected',
    CommaExpected: 'Comma expected',
    CloseBraceExpected: 'Closing brace `}` expected',
    CloseBracketExpected: 'Closing bracket `]` expected',
    EndOfFileExpected: 'End of file expected',
    InvalidCommentToken: 'Invalid comment',
    UnexpectedEndOfComment: 'Unterminated comment',
    UnexpectedEndOfString: 'Unterminated string',
    UnexpectedEndOfNumber: 'Unterminated number',
    InvalidUnicode: 'Invalid unicode escape',
    InvalidEscapeCharacter: 'Invalid escape character',
    InvalidCharacter: 'Invalid character in string',
  };
  const what = words[code] ?? code;
  return near ? `${what} near \`${near}\`.` : `${what}.`;
}

/** JSON's punctuation and keywords, shown as they are: they cannot be a credential. */
const STRUCTURAL = /^(?:[{}[\]:,]|true|false|null)$/;

/**
 * What a message shows of the token at an error: punctuation or a keyword as it is, anything else
 * masked to at most its first four characters (it may be a credential: an unquoted key id, an
 * unterminated string), or nothing when the mask keeps no character.
 */
function shownToken(token: string): string {
  // Binary garbage must not put control characters into a message.
  const clean = token.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').trim();
  if (STRUCTURAL.test(clean)) return clean;
  const masked = mask(clean);
  return masked === '…' ? '' : masked;
}

/** Gives masked placeholder nodes their source text back and marks them as bare. */
function restorePlaceholders(root: AstNode, text: string, placeholders: { offset: number; length: number }[]): void {
  const starts = new Map(placeholders.map((p) => [p.offset, p.length]));
  const stack: AstNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'string') {
      const length = starts.get(node.offset);
      if (length === node.length) {
        node.value = text.substr(node.offset, length);
        node.bare = true;
      }
    } else if (node.children) {
      for (const child of node.children) stack.push(child);
    }
  }
}

/** jsonc-parser reports a cascade at one offset for one mistake; keep the first per offset. */
function dedupe(problems: SyntaxProblem[]): SyntaxProblem[] {
  const seen = new Set<number>();
  return problems.filter((p) => (seen.has(p.offset) ? false : (seen.add(p.offset), true)));
}
