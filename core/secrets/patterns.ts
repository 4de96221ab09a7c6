// The catalog of credential formats that are secrets whatever key they sit under. Each pattern
// names its source (gitleaks rule id, secretlint rule) so it can be checked against upstream.
// Matching is synchronous and allocation-light: the engine runs it on every keystroke.

export type PatternId =
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'jwt'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'discord-webhook'
  | 'stripe-secret-key'
  | 'google-api-key'
  | 'openai-api-key'
  | 'anthropic-api-key'
  | 'npm-token'
  | 'sendgrid-api-key'
  | 'huggingface-token'
  | 'azure-storage-key'
  | 'private-key'
  | 'url-credentials'
  | 'connection-string-password'
  | 'bearer-token'
  | 'basic-auth';

export interface SecretPattern {
  id: PatternId;
  title: string;
  /** Global regex; `secret` group (or the whole match) is the sensitive part. */
  regex: RegExp;
  /** Where the pattern comes from. */
  source: string;
  /** An identifier rather than a secret on its own: reported at a lower severity. */
  identifier?: boolean;
  /** Extra check on the sensitive part (entropy, decoding). */
  validate?: (secret: string) => boolean;
}

export interface SecretMatch {
  pattern: SecretPattern;
  /** Offsets within the scanned text. */
  start: number;
  end: number;
  /** The sensitive part. Internal only: never put it in a message, log or finding. */
  secret: string;
}

/** Not a secret: runs of one character, documentation examples, deploy-time placeholders. */
export function isFillerSecret(secret: string): boolean {
  if (/EXAMPLE|example|\$\{|\{\{|<[A-Za-z_ -]+>/.test(secret)) return true;
  const body = secret.replace(/^[a-z]+[_-]/i, '');
  return new Set(body.replace(/[^A-Za-z0-9]/g, '').toLowerCase()).size < 5;
}

/** Both letters and digits, as real tokens have; English words after `Bearer` do not. */
function mixed(secret: string): boolean {
  return /[0-9]/.test(secret) && /[A-Za-z]/.test(secret);
}

/** `Basic dXNlcjpwYXNz` carries base64 of `user:pass`. */
function decodesToUserPass(b64: string): boolean {
  const decoded = decodeBase64(b64);
  if (decoded === undefined || !/^[\x20-\x7e]+$/.test(decoded)) return false;
  // A colon with text on both sides; /^[\x20-\x7e]+:[\x20-\x7e]+$/ tries every colon against every split.
  const colon = decoded.indexOf(':', 1);
  return colon > 0 && colon < decoded.length - 1;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 -> latin1 text, or undefined; no Buffer/atob so core stays platform-free. */
export function decodeBase64(input: string): string | undefined {
  let end = input.length;
  while (end > 0 && input[end - 1] === '=') end--;
  const s = input.slice(0, end);
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) return undefined;
  let bits = 0;
  let value = 0;
  let out = '';
  for (const ch of s) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

/** The catalog, most specific first (the first match in a value wins). */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { id: 'private-key', title: 'Private key', regex: /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?<secret>[\sA-Za-z0-9+/=\\]{32,})/g, source: 'gitleaks private-key; secretlint @secretlint/secretlint-rule-privatekey' },
  { id: 'aws-secret-access-key', title: 'AWS secret access key', regex: /aws_?secret_?access_?key["']?\s*(?::|=>|=)\s*["']?(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, source: 'secretlint @secretlint/secretlint-rule-aws (AWSSecretAccessKey)' },
  { id: 'aws-access-key-id', title: 'AWS access key ID', regex: /\b(?<secret>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g, source: 'gitleaks aws-access-token; secretlint @secretlint/secretlint-rule-aws (AWSAccessKeyID)', identifier: true },
  { id: 'jwt', title: 'JSON Web Token', regex: /\b(?<secret>ey[A-Za-z0-9]{17,}\.ey[A-Za-z0-9/\\_-]{17,}\.(?:[A-Za-z0-9/\\_-]{10,}={0,2})?)/g, source: 'gitleaks jwt' },
  { id: 'github-token', title: 'GitHub token', regex: /\b(?<secret>gh[pousr]_[0-9A-Za-z]{36}|github_pat_\w{82})\b/g, source: 'gitleaks github-pat, github-fine-grained-pat, github-oauth, github-app-token, github-refresh-token; secretlint @secretlint/secretlint-rule-github' },
  { id: 'gitlab-token', title: 'GitLab token', regex: /\b(?<secret>(?:glpat|gldt|glrt|glcbt|glsoat|glffct|gloas|glft|glimt|glagent)-[\w-]{20,}|glptt-[0-9a-f]{40}|GR1348941[\w-]{20})/g, source: 'gitleaks gitlab-pat, gitlab-ptt, gitlab-rrt, gitlab-deploy-token and related gitlab-* rules' },
  { id: 'slack-webhook', title: 'Slack webhook URL', regex: /(?<secret>https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56})/g, source: 'gitleaks slack-webhook-url; secretlint @secretlint/secretlint-rule-slack' },
  { id: 'slack-token', title: 'Slack token', regex: /\b(?<secret>xox[abprse]-[0-9A-Za-z-]{10,}|xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)/g, source: 'gitleaks slack-bot-token, slack-user-token, slack-app-token, slack-config-access-token; secretlint @secretlint/secretlint-rule-slack' },
  { id: 'discord-webhook', title: 'Discord webhook URL', regex: /(?<secret>https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[\w-]{60,})/g, source: 'gitleaks discord-webhook (generic webhook URL shape)' },
  { id: 'stripe-secret-key', title: 'Stripe secret key', regex: /\b(?<secret>(?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,99}|whsec_[A-Za-z0-9]{24,})\b/g, source: 'gitleaks stripe-access-token' },
  { id: 'google-api-key', title: 'Google API key', regex: /\b(?<secret>AIza[\w-]{35})(?![\w-])/g, source: 'gitleaks gcp-api-key; secretlint @secretlint/secretlint-rule-gcp' },
  { id: 'anthropic-api-key', title: 'Anthropic API key', regex: /\b(?<secret>sk-ant-(?:api03|admin01)-[\w-]{93}AA)(?![\w-])/g, source: 'gitleaks anthropic-api-key; secretlint @secretlint/secretlint-rule-anthropic' },
  { id: 'openai-api-key', title: 'OpenAI API key', regex: /\b(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,100}T3BlbkFJ[A-Za-z0-9_-]{20,100})(?![\w-])/g, source: 'gitleaks openai-api-key; secretlint @secretlint/secretlint-rule-openai' },
  { id: 'npm-token', title: 'npm access token', regex: /\b(?<secret>npm_[A-Za-z0-9]{36})\b/g, source: 'gitleaks npm-access-token; secretlint @secretlint/secretlint-rule-npm' },
  { id: 'sendgrid-api-key', title: 'SendGrid API key', regex: /\b(?<secret>SG\.[\w-]{22}\.[\w-]{43})(?![\w-])/g, source: 'gitleaks sendgrid-api-token; secretlint @secretlint/secretlint-rule-sendgrid' },
  { id: 'huggingface-token', title: 'Hugging Face token', regex: /\b(?<secret>hf_[A-Za-z]{34})\b/g, source: 'gitleaks huggingface-access-token' },
  { id: 'azure-storage-key', title: 'Azure storage account key', regex: /AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/g, source: 'gitleaks azure-storage-account-key (connection-string form)' },
  { id: 'url-credentials', title: 'Password in a URL', regex: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/'"]{1,100}:(?<secret>[^\s@/'"]{1,200})@[^\s/@'"]+/gi, source: 'secretlint @secretlint/secretlint-rule-basicauth; gitleaks generic URL-credential allowlist shape', validate: (s) => !/^(\$\{.*\}|\{\{.*\}\}|<.*>|\*+|x+|pass(word)?|secret|\{\}|%s)$/i.test(s) },
  { id: 'connection-string-password', title: 'Password in a connection string', regex: /(?:^|;)\s*(?:password|pwd)\s*=\s*(?<secret>[^;'"\s]{4,})/gi, source: 'secretlint @secretlint/secretlint-rule-database-connection-string', validate: (s) => !/^(\$\{.*\}|\{\{.*\}\}|<.*>|\*+|\{\d*\}|%s|\?)$/.test(s) },
  { id: 'bearer-token', title: 'Bearer token', regex: /\bBearer\s+(?<secret>[A-Za-z0-9\-._~+/]{16,}=*)/g, source: 'RFC 6750 b64token syntax; gitleaks generic-api-key (entropy idea)', validate: mixed },
  { id: 'basic-auth', title: 'Basic authentication header', regex: /\bBasic\s+(?<secret>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g, source: 'RFC 7617; secretlint @secretlint/secretlint-rule-basicauth', validate: decodesToUserPass },
];

/**
 * One cheap scan for the fixed prefixes every pattern needs; most strings (state names, ARNs,
 * paths) fail it and skip the catalog. Keep it in sync with the catalog (a unit test checks).
 */
export const TRIGGER =
  /gh[pousr]_|github_pat_|A3T|AKIA|ASIA|ABIA|ACCA|ey[A-Za-z0-9]{17}|xox[a-z]-|xapp-|hooks\.slack|discord|sk_|rk_|whsec_|AIza|sk-|npm_|SG\.|hf_|AccountKey=|-----BEGIN|:\/\/[^\s/@]*@|password|pwd|Bearer|Basic|secret_?access|gl[a-z]{2,6}-|GR1348941/i;

const NO_MATCHES: readonly SecretMatch[] = Object.freeze([]);

/**
 * Every known credential format in `text`, at most one per overlapping span (catalog order
 * decides). Placeholders and documentation examples are skipped.
 * @example findKnownSecrets('token ghp_' + 'a1B2'.repeat(9))[0].pattern.id === 'github-token'
 */
export function findKnownSecrets(text: string): readonly SecretMatch[] {
  if (text.length > WINDOW) return findInWindows(text);
  // Nearly every string of a definition stops here: no array for it.
  if (text.length < 8 || !TRIGGER.test(text)) return NO_MATCHES;
  const out: SecretMatch[] = [];
  for (const pattern of SECRET_PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (const m of text.matchAll(pattern.regex)) {
      const secret = m.groups?.secret ?? m[0];
      if (isFillerSecret(secret) || (pattern.validate && !pattern.validate(secret))) continue;
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (out.some((o) => start < o.end && end > o.start)) continue;
      out.push({ pattern, start, end, secret });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Longest text one pattern runs over. V8's regular expressions keep a backtracking stack that
 * overflows (a RangeError) after a few million steps of one greedy loop, and a hostile value can be
 * that long; a longer text is read in windows that overlap by more than any credential is long.
 */
const WINDOW = 256 * 1024;
const OVERLAP = 8 * 1024;

function findInWindows(text: string): readonly SecretMatch[] {
  const out: SecretMatch[] = [];
  for (let from = 0; from < text.length; from += WINDOW - OVERLAP) {
    for (const m of findKnownSecrets(text.slice(from, from + WINDOW))) {
      const start = m.start + from;
      const end = m.end + from;
      if (!out.some((o) => start < o.end && end > o.start)) out.push({ ...m, start, end });
    }
    if (from + WINDOW >= text.length) break;
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Names (keys, state names) repeat across every state and keystroke: the answer per name, cached (bounded). */
const nameSecrets = new Map<string, SecretMatch | null>();

/** The first known credential format in a key or state name, or null. */
export function knownSecretInName(name: string): SecretMatch | null {
  let found = nameSecrets.get(name);
  if (found === undefined) {
    if (nameSecrets.size > 20_000) nameSecrets.clear();
    nameSecrets.set(name, (found = findKnownSecrets(name)[0] ?? null));
  }
  return found;
}
