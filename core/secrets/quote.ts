// How a message quotes text from the definition (a name, a pattern, a path): credentials in it
// masked first, then cut to a readable length, so that cutting can never turn a masked token back
// into an unrecognisable, unmasked fragment.
import { redactSecrets } from './redact';

/** Longest quoted text in a message, in characters. */
export const MAX_QUOTED = 80;

/**
 * `text` as a message may quote it: known credential formats masked, then cut to `max` characters.
 * @example quoteForMessage('arn:aws:lambda:us-east-1:123456789012:function:orders-*') // unchanged
 */
export function quoteForMessage(text: string, max = MAX_QUOTED): string {
  const safe = redactSecrets(text);
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
}
