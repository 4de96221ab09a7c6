// The `yaml` package's error messages, made safe to show: some quote source text (a directive, a
// tag, an escape sequence, a block scalar header), which may be a credential. That part is masked
// to its first characters; the package's other messages name no source text.
import { mask } from '../secrets/mask';

/**
 * The package's message templates (yaml 2.x, `onError` calls in yaml/dist) that put source text
 * between a fixed prefix and suffix. test/unit/hostile-syntax-messages.test.ts fails when the
 * installed package has an interpolating template that is neither here nor known to quote no text.
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
];

/** A two-character escape (`\q`) shows one character of the text: not worth masking. */
const SHORT_ESCAPE = /^\\.$/s;

/**
 * The first line of a package message without its position suffix (ranges are shown apart), with
 * quoted source text masked (`mask`: at most its first four characters) and control characters
 * shown as `?`.
 */
export function yamlProblemMessage(message: string): string {
  const firstLine = (text: string) => text.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  // The whole message first: the quoted part may hold a line break.
  const masked = maskSource(message) ?? maskSource(firstLine(message)) ?? message;
  return firstLine(masked).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function maskSource(message: string): string | undefined {
  for (const [prefix, suffix] of SOURCE_QUOTING_TEMPLATES) {
    if (message.length <= prefix.length + suffix.length || !message.startsWith(prefix) || !message.endsWith(suffix)) continue;
    const source = message.slice(prefix.length, message.length - suffix.length);
    return prefix + (SHORT_ESCAPE.test(source) ? source : mask(source)) + suffix;
  }
  return undefined;
}
