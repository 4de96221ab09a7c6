// The `yaml` package's error messages, made safe to show: some quote source text (a directive, a
// tag, an escape sequence, a block scalar header, an unexpected token), which may be a credential.
// That part is masked to its first characters; the package's other messages name no source text.
import { mask } from '../secrets/mask';

/**
 * The package's message templates (yaml 2.x, in yaml/dist) that put source text between a fixed
 * prefix and suffix. test/unit/hostile-syntax-messages.test.ts fails when the installed package
 * has an interpolating template that is neither here nor known to quote no source text.
 */
export const SOURCE_QUOTING_TEMPLATES: readonly (readonly [prefix: string, suffix: string])[] = [
  ['Unknown directive ', ''],
  ['Unsupported YAML version ', ''],
  ['Not a valid tag: ', ''],
  ["Verbatim tags aren't resolved, so ", ' is invalid.'],
  ['The ', ' tag has no suffix'],
  ['Could not resolve tag: ', ''],
  ['Unresolved tag: ', ''],
  ['Block scalar header includes extra characters: ', ''],
  ['Invalid escape sequence ', ''],
  ['Unresolved plain scalar ', ''],
  ['Ordered maps must not include duplicate keys: ', ''],
  ['Not a YAML token: ', ''],
  ['Anchor must not contain whitespace or control characters: ', ''],
  ['Unresolved alias (the anchor must be set before the alias): ', ''],
];

/**
 * The parser's error tokens reach us as `${message}: ${JSON.stringify(source)}`
 * (yaml/dist/compose/composer.js), e.g. `Unexpected scalar token in YAML stream: "…"`.
 */
const TOKEN_SOURCE = /^(.*): ("(?:[^"\\]|\\.)*")$/s;

/** A YAML indicator or a two-character escape (`\q`): nothing of a credential, and what the message is about. */
const SHOWN_AS_IS = /^(?:[-:,?[\]{}|>#&*!%@`'"]|\\.)$/s;

/**
 * The first line of a package message without its position suffix (ranges are shown apart), with
 * quoted source text masked (`mask`: at most its first four characters) and control characters
 * shown as `?`.
 */
export function yamlProblemMessage(message: string): string {
  const firstLine = (text: string) => text.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  let masked: string;
  const token = TOKEN_SOURCE.exec(message);
  if (token) {
    const head = maskTemplate(token[1]) ?? token[1];
    masked = `${head}: ${shown(jsonString(token[2]), true)}`;
  } else {
    // The whole message first: the quoted part may hold a line break.
    masked = maskTemplate(message) ?? maskTemplate(firstLine(message)) ?? message;
  }
  return firstLine(masked).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function maskTemplate(message: string): string | undefined {
  for (const [prefix, suffix] of SOURCE_QUOTING_TEMPLATES) {
    if (message.length <= prefix.length + suffix.length || !message.startsWith(prefix) || !message.endsWith(suffix)) continue;
    return prefix + shown(message.slice(prefix.length, message.length - suffix.length), false) + suffix;
  }
  return undefined;
}

/** Source text as a message may show it: an indicator as it is, anything else masked (quoted when `quote`). */
function shown(source: string, quote: boolean): string {
  const text = SHOWN_AS_IS.test(source) ? source : mask(source);
  return quote ? JSON.stringify(text) : text;
}

/** The value of a JSON string literal, or the literal itself when it is not valid JSON. */
function jsonString(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal;
  }
}
