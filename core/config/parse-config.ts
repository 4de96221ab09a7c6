// The text of `.asl-guard.json` to a value, for the CLI and the server alike: JSON with comments
// and trailing commas, nesting bounded before jsonc-parser (which recurses) sees it, one problem.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { prescanJson } from '../parse/prescan';
import { LineIndex } from '../text/line-index';

/** A configuration is a few levels deep; deeper text is refused before it is parsed. */
export const MAX_CONFIG_DEPTH = 64;

/** Where in the text a problem is (0-based line and UTF-16 character). */
export interface ConfigTextPosition {
  offset: number;
  line: number;
  character: number;
}

/** The parsed object, or the first problem with its position and a sentence fragment. */
export type ParsedConfigText =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; at: ConfigTextPosition | undefined; problem: string };

/**
 * Parses configuration text. Never throws: invalid JSON, nesting deeper than
 * {@link MAX_CONFIG_DEPTH} and a root that is not an object each give one problem.
 * @example parseConfigText('{ "rules": { "SEC001": "off" }, }').ok === true
 * @example parseConfigText('[1]') // { ok: false, problem: 'must hold a JSON object …' }
 */
export function parseConfigText(text: string): ParsedConfigText {
  // A byte order mark, as Windows editors write one, is not content.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = body.length === text.length ? 0 : 1;
  const at = (offset: number): ConfigTextPosition => ({ offset: offset + shift, ...new LineIndex(text).positionAt(offset + shift) });
  const { tooDeepAt } = prescanJson(body, MAX_CONFIG_DEPTH);
  if (tooDeepAt !== undefined) return { ok: false, at: at(tooDeepAt), problem: `is nested more than ${MAX_CONFIG_DEPTH} levels deep` };
  const errors: ParseError[] = [];
  const value: unknown = parse(body, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) return { ok: false, at: at(errors[0].offset), problem: `is not valid JSON (${printParseErrorCode(errors[0].error)})` };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, at: undefined, problem: 'must hold a JSON object such as { "rules": { "SEC001": "off" } }' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
