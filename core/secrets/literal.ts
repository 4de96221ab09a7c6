// Does a literal value under a secret-named key look like a real credential? Real files are full
// of look-alikes: references, ARNs, placeholders, booleans, `Bearer` on its own, `REDACTED`.
import { hasPlaceholder, isIntrinsic, isJsonata, isPath } from '../model/values';
import type { NameClass } from './secret-keys';

/** Values that stand in for a secret in examples and templates, or name a setting. */
const PLACEHOLDER_WORDS = new Set([
  'true', 'false', 'yes', 'no', 'on', 'off', 'null', 'nil', 'none', 'undefined', 'n/a', 'na', 'empty', 'unset', 'not-set',
  'redacted', 'hidden', 'masked', 'secret', 'secrets', 'password', 'passwd', 'token', 'apikey', 'api_key', 'api-key', 'key',
  'changeme', 'change_me', 'change-me', 'changeit', 'replaceme', 'replace_me', 'replace-me', 'placeholder', 'dummy', 'fake',
  'test', 'testing', 'todo', 'tbd', 'fixme', 'sample', 'default', 'required', 'optional', 'enabled', 'disabled', 'auto',
  'generated', 'random', 'managed', 'inherit', 'string', 'value', 'bearer', 'basic', 'digest', 'negotiate', 'ntlm',
  'oauth', 'oauth2', 'aws4-hmac-sha256', 'hmac', 'jwt', 'credentials', 'anonymous', 'public', 'private',
]);

/** Auth scheme prefixes stripped before judging the credential itself. */
const SCHEME = /^(bearer|basic|token|digest|apikey|api-key|sso-key|key)\s+/i;

export interface LiteralOptions {
  /** Shortest token/key/secret value judged a credential. */
  minLength: number;
  /** Shortest password judged a password. */
  minPasswordLength: number;
  /** User regexes: matching values are never reported. */
  allow: readonly RegExp[];
}

export const DEFAULT_LITERAL_OPTIONS: LiteralOptions = { minLength: 8, minPasswordLength: 4, allow: [] };

/** Longer literals skip the stand-in shape tests: 64 KiB, far above any password or token. */
const LONG_LITERAL = 64 * 1024;

/**
 * A value that only stands for a secret or refers to one: empty, a placeholder word or
 * template (`<token>`, `{{password}}`, `****`, `YOUR_API_KEY`), a path, an intrinsic, a JSONata
 * expression, a `${...}` substitution, an ARN, a URL or a resource path such as `/prod/db/password`.
 */
export function isNonSecretValue(value: string): boolean {
  const v = value.trim();
  if (!v) return true;
  if (isPath(v) || isIntrinsic(v) || isJsonata(v) || hasPlaceholder(v)) return true;
  // No stand-in is this long, and the shape tests below would overflow V8's backtracking stack on megabytes.
  if (v.length > LONG_LITERAL) return false;
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (/^arn:[a-z-]+:/.test(lower)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s@]*$/i.test(v)) return true;
  if (isResourcePath(v) && !looksGenerated(v.replace(/[/_.-]/g, ''))) return true;
  if (/^(<[^<>]*>|\{\{.*\}\}|\[[^\]]*\]|%[^%\s]+%|\$\([^)]*\)|\{[A-Za-z_][\w.-]*\}|\(.*\))$/.test(v)) return true;
  if (/^([*x•.#_-])\1{2,}$/i.test(v) || /^[*•]{3,}/.test(v)) return true;
  if (/^(your|my|the|enter|insert|put|add|replace|paste|set)[-_ ]/i.test(v) || /[-_ ](here|goes[-_ ]here)$/i.test(v)) return true;
  if (/example|placeholder|redacted|changeme|dummy|xxxx/i.test(v)) return true;
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(v) && !/[0-9]{3,}/.test(v)) return true;
  return false;
}

/**
 * `/prod/db/password`, `team/app/key/`: two or more segments of name characters between single
 * slashes. What /^\/?[\w.-]+(\/[\w.-]+)+\/?$/ matches, without a repeated group, whose backtracking
 * stack overflows (a RangeError) on a value of a few million characters.
 */
export function isResourcePath(v: string): boolean {
  if (!/^[\w./-]+$/.test(v) || v.includes('//')) return false;
  const inner = v.slice(v.startsWith('/') ? 1 : 0, v.endsWith('/') ? -1 : undefined);
  return inner.length > 0 && !inner.startsWith('/') && !inner.endsWith('/') && inner.includes('/');
}

/**
 * A run of 4+ digits, or capitals and digits mixed (a capital before a digit or a digit before a
 * capital): a generated token rather than a resource path's words. Linear, unlike /[A-Z].*[0-9]/,
 * which rescans the rest of the text from every capital. `text` holds no line break here.
 */
function looksGenerated(text: string): boolean {
  if (/[0-9]{4,}/.test(text)) return true;
  const capital = text.search(/[A-Z]/);
  const digit = text.search(/[0-9]/);
  return (capital >= 0 && /[0-9]/.test(text.slice(capital + 1))) || (digit >= 0 && /[A-Z]/.test(text.slice(digit + 1)));
}

/**
 * True when `value`, found under a key of class `cls`, looks like a real credential.
 * Passwords: any literal of at least `minPasswordLength` characters that is not a stand-in.
 * Other kinds: after an optional scheme (`Bearer `), one unbroken token of at least `minLength`
 * characters mixing character classes (or at least 16 long); under a `secret` key also a
 * passphrase of plain words.
 */
export function looksLikeCredential(value: string, cls: NameClass, options: LiteralOptions = DEFAULT_LITERAL_OPTIONS): boolean {
  if (isNonSecretValue(value)) return false;
  // A literal this long under a secret name is reported as one (allow-list patterns are for short values).
  if (value.length > LONG_LITERAL) return true;
  if (options.allow.some((re) => re.test(value))) return false;
  const v = value.trim();
  if (cls.kind === 'password') return Array.from(v).length >= options.minPasswordLength;
  const body = v.replace(SCHEME, '');
  if (body !== v && isNonSecretValue(body)) return false;
  if (body.length < options.minLength || /\{\}/.test(body)) return false;
  // A passphrase under a plain `secret` key ("dont tell anyone"); sentences and messages end in punctuation.
  if (/\s/.test(body)) return cls.kind === 'secret' && body === v && /^[\w'-]+(\s[\w'-]+)+$/.test(body);
  if (cls.kind === 'private-key') return true;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(body)).length;
  const onlyWordish = /^[A-Za-z]+([-_.][A-Za-z]+)*$/.test(body);
  return body.length >= 16 ? true : classes >= 2 && !onlyWordish;
}

/** Compiles user-given regex sources, dropping invalid ones. */
export function compileAll(sources: unknown): RegExp[] {
  if (!Array.isArray(sources)) return [];
  const out: RegExp[] = [];
  for (const s of sources) {
    if (typeof s !== 'string') continue;
    try {
      out.push(new RegExp(s, 'i'));
    } catch {
      // An invalid pattern in user config is ignored rather than failing the analysis.
    }
  }
  return out;
}
