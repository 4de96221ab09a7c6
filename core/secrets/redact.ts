// Text the engine prints (messages, pointers, fix titles, symbols, policy notes) may quote a key, a
// state name or a value that is itself a credential: every known credential format in it is masked.
import { mask } from './mask';
import { findKnownSecrets } from './patterns';

/**
 * `text` with every known credential format in it replaced by its masked form (`ghp_…`), or by
 * what `replace` makes of it; the rest of the text as it is. Cheap for text without any (one trigger scan).
 * @example redactSecrets('Next "ghp_' + 'a1B2'.repeat(9) + '" is not a state') === 'Next "ghp_…" is not a state'
 */
export function redactSecrets(text: string, replace: (secret: string) => string = mask): string {
  const found = findKnownSecrets(text);
  if (!found.length) return text;
  let out = '';
  let at = 0;
  for (const match of found) {
    const start = text.indexOf(match.secret, Math.max(at, match.start));
    if (start < 0) continue;
    out += text.slice(at, start) + replace(match.secret);
    at = start + match.secret.length;
  }
  return out + text.slice(at);
}
