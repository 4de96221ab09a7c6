// A generated policy is printed, pasted into templates and committed: no value in it may carry a
// credential the definition holds (a password in an endpoint URL, an API key in its query string, a
// token used as a resource name). Each is widened to `*`, which keeps the policy valid and matching.
import { redactSecrets } from '../secrets/redact';

/**
 * `value` without credentials: a URL's user info and its query string or fragment become `*`, and
 * every known credential format becomes `*`. `changed` says whether anything was taken out.
 * @example scrubPolicyValue('https://user:pw@api.example.com/v1?api_key=abc').value === 'https://*@api.example.com/v1*'
 */
export function scrubPolicyValue(value: string): { value: string; changed: boolean } {
  let out = value;
  const url = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(out);
  if (url) {
    const [, scheme, authority, rest] = url;
    const at = authority.lastIndexOf('@');
    const cut = rest.search(/[?#]/);
    out = scheme + (at >= 0 ? `*${authority.slice(at)}` : authority) + (cut >= 0 ? `${rest.slice(0, cut)}*` : rest);
  }
  const redacted = redactSecrets(out, () => '*');
  // A credential next to a wildcard leaves `**`: one `*` matches the same.
  if (redacted !== out) out = redacted.replace(/\*{2,}/g, '*');
  return { value: out, changed: out !== value };
}
