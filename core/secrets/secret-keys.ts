// Names that say "this holds a credential": payload keys, header names, environment variable
// names, path segments and placeholder names. Shared by every SEC rule so they agree on what a
// secret key is, and on the many look-alikes that are not (NextToken, SecretId, tokenType ...).

/** What kind of credential a name announces. */
export type CredentialKind =
  | 'password'
  | 'secret'
  | 'aws-secret-key'
  | 'private-key'
  | 'api-key'
  | 'token'
  | 'authorization'
  | 'cookie'
  | 'credentials';

export interface NameClass {
  kind: CredentialKind;
  /** A bare `token` / `Token` / `X-Token`: ambiguous (Step Functions callback tokens use it too). */
  generic: boolean;
}

/** Human words for messages. */
export const KIND_TITLES: Record<CredentialKind, string> = {
  password: 'password',
  secret: 'secret',
  'aws-secret-key': 'AWS secret access key',
  'private-key': 'private key',
  'api-key': 'API key',
  token: 'token',
  authorization: 'authorization credential',
  cookie: 'cookie',
  credentials: 'credentials',
};

/**
 * `userPassword.$` -> ['user', 'password']; `X-API-Key` -> ['x', 'api', 'key'];
 * `--db_password` -> ['db', 'password']; `APIKey` -> ['api', 'key'].
 */
export function splitWords(name: string): string[] {
  let words = wordCache.get(name);
  if (!words) {
    if (wordCache.size > 20_000) wordCache.clear();
    wordCache.set(name, (words = computeWords(name)));
  }
  return words;
}

// Key names repeat endlessly across states and keystrokes; splitting is the hot path of the secret rules.
const wordCache = new Map<string, string[]>();

function computeWords(name: string): string[] {
  const base = name.endsWith('.$') ? name.slice(0, -2) : name;
  return base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // `HTTPServer` -> `HTTP Server`: zero-width, because /([A-Z]+)([A-Z][a-z])/ rescans a long capital run from every letter.
    .replace(/(?<=[A-Z])(?=[A-Z][a-z])/g, ' ')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Words that, last in a name, make it a reference to or a property of a secret, not the secret. */
const META_SUFFIXES = new Set([
  'arn', 'arns', 'name', 'names', 'id', 'ids', 'identifier', 'path', 'paths', 'parameter', 'parameters', 'param', 'params',
  'ref', 'reference', 'uri', 'url', 'urls', 'endpoint', 'type', 'types', 'policy', 'policies', 'length', 'len', 'size',
  'count', 'expiry', 'expiration', 'expires', 'expire', 'ttl', 'lifetime', 'duration', 'age', 'timeout', 'seconds',
  'enabled', 'required', 'rotation', 'version', 'stage', 'location', 'file', 'filename', 'field', 'header', 'prefix',
  'suffix', 'format', 'scope', 'scopes', 'mode', 'status', 'state', 'hint', 'hash', 'hashed', 'strength', 'reset', 'date',
  'time', 'timestamp', 'source', 'provider', 'issuer', 'audience', 'algorithm', 'alg', 'kind', 'store', 'vault', 'manager',
  'label', 'description', 'desc', 'template', 'regex', 'pattern', 'limit', 'usage', 'changed', 'created', 'updated',
  'last', 'min', 'max', 'placeholder', 'attribute', 'attributes', 'schema', 'config', 'configuration', 'option',
  'options', 'settings', 'secretsmanager', 'kms', 'generator', 'validity', 'units', 'unit', 'behavior', 'behaviour',
  'metrics', 'metric', 'resource', 'resources', 'function', 'lambda', 'table', 'bucket', 'queue', 'topic', 'stream', 'role',
  'group', 'machine', 'log', 'logs', 'actions', 'action', 'rule', 'rules', 'handler', 'lookup', 'request', 'response',
]);

/** Words that, first in a multi-word name, make it a setting about a secret. */
const META_PREFIXES = new Set([
  'max', 'min', 'num', 'number', 'has', 'is', 'use', 'manage', 'managed', 'require', 'requires', 'enable', 'enabled',
  'disable', 'allow', 'generate', 'rotate', 'include', 'exclude', 'show', 'hide', 'should', 'can', 'no', 'reset', 'last',
  'expected', 'with', 'without', 'mask', 'masked', 'get', 'list', 'delete', 'deactivate', 'create', 'update', 'expire',
  'describe', 'for', 'validate', 'verify', 'check', 'revoke', 'invalidate', 'send', 'store', 'save', 'fetch', 'retrieve',
]);

/** Token-shaped names that are not credentials: pagination, idempotency, the callback task token, LLM token counts. */
const NOT_A_CREDENTIAL =
  /(next|continuation|pagination|page|start|resume|sync|cursor)token|clienttoken|clientrequesttoken|idempotency|requesttoken|tasktoken|callbacktoken|taskcallback|maxtoken|tokens$|tokens[a-z]|tokeniz|csrf|xsrf|cancellation|secretsmanager|secretmanager|passwordless|withdecryption|httptoken/;

/** Qualifiers that make a bare `token` a credential when they name the parent (`$.auth.token`). */
export const TOKEN_QUALIFIERS = new Set([
  'auth', 'oauth', 'oauth2', 'access', 'refresh', 'id', 'bearer', 'session', 'api', 'user', 'jwt', 'github', 'gitlab',
  'slack', 'bot', 'app', 'service', 'personal', 'login', 'identity', 'security', 'credentials', 'creds', 'authorization',
]);

const CLASSES: { re: RegExp; kind: CredentialKind }[] = [
  { re: /secretaccesskey|awssecretkey|awssecret$/, kind: 'aws-secret-key' },
  { re: /privatekey|privkey|sshkey|signingkey/, kind: 'private-key' },
  { re: /password|passwd|passphrase|passcode|pwd$|^pwd|^(db|user|admin|root|master|login|smtp|mail)pass$/, kind: 'password' },
  { re: /clientsecret|secret/, kind: 'secret' },
  { re: /apikey|apitoken|subscriptionkey|accesskey|appkey|authkey|clientkey|consumerkey|licensekey|masterkey|servicekey|secretkey|accountkey/, kind: 'api-key' },
  { re: /cookie/, kind: 'cookie' },
  { re: /^(proxy)?authori[sz]ation$|^(http|basic|bearer|x)?auth$/, kind: 'authorization' },
  { re: /token|bearer|jwt/, kind: 'token' },
  { re: /^(db|user|login|admin|service|basic|client|aws|database|api)?(credentials?|creds?)$/, kind: 'credentials' },
];

/** Longest key or path segment that is classified. */
const MAX_NAME_LENGTH = 1024;

/**
 * The credential a name announces, or undefined for ordinary names and for references to a
 * secret (`SecretId`, `ApiKeyParameterName`), settings about one (`passwordPolicy`,
 * `tokenType`, `MaxTokens`) and token look-alikes (`NextToken`, `ClientToken`, `TaskToken`).
 * @example classifyName('client_secret')?.kind === 'secret'
 * @example classifyName('SecretId') === undefined
 * @example classifyName('X-Token')?.generic === true
 */
export function classifyName(name: string, extra: readonly RegExp[] = []): NameClass | undefined {
  // No credential is named with kilobytes; hostile keys that long are not matched against anything.
  if (name.length > MAX_NAME_LENGTH) return undefined;
  if (extra.length) return computeClass(name, extra);
  if (classCache.has(name)) return classCache.get(name);
  if (classCache.size > 20_000) classCache.clear();
  const cls = computeClass(name, extra);
  classCache.set(name, cls);
  return cls;
}

const classCache = new Map<string, NameClass | undefined>();

function computeClass(name: string, extra: readonly RegExp[]): NameClass | undefined {
  let words = splitWords(name);
  if (!words.length) return undefined;
  if (words[0] === 'x' && words.length > 1) words = words.slice(1);
  const joined = words.join('');
  if (NOT_A_CREDENTIAL.test(joined)) return undefined;
  if (words.length > 1 ? META_SUFFIXES.has(words[words.length - 1]) : endsWithMeta(joined)) return undefined;
  if (words.length > 1 && META_PREFIXES.has(words[0])) return undefined;
  if (words.length === 1 && /^(max|min|num|has|manage|generate|rotate|is)(?=[a-z])/.test(joined) && !/^(master|minio)/.test(joined)) return undefined;
  for (const { re, kind } of CLASSES) {
    if (re.test(joined)) return { kind, generic: kind === 'token' && joined === 'token' };
  }
  if (extra.some((re) => re.test(name))) return { kind: 'secret', generic: false };
  return undefined;
}

/** A single word that ends in a meta suffix: `secretarn`, `tokentype`, `passwordpolicy`. */
function endsWithMeta(joined: string): boolean {
  for (const suffix of ['arn', 'name', 'id', 'ids', 'path', 'parameter', 'param', 'ref', 'url', 'uri', 'endpoint', 'type', 'policy', 'length', 'expiry', 'expiration', 'ttl', 'header', 'hash', 'hint', 'prefix', 'format', 'version', 'usage', 'limit', 'count']) {
    if (joined.length > suffix.length && joined.endsWith(suffix)) return true;
  }
  return false;
}

/** Words that, last in a placeholder or path name, say it names a secret rather than holds one. */
const REFERENCE_SUFFIXES = new Set(['arn', 'arns', 'name', 'names', 'id', 'ids', 'identifier', 'path', 'parameter', 'parameters', 'param', 'params', 'ref', 'reference', 'uri', 'url', 'endpoint', 'location', 'version']);

/**
 * True when a name says it is a reference to a secret, not the secret itself:
 * `DbSecretArn`, `ApiKeyParameterName`, `TokenSecretName`, `aws_secretsmanager_secret.db.arn`.
 * @example isReferenceName('DbSecretArn') === true
 * @example isReferenceName('MasterUserPassword') === false
 */
export function isReferenceName(name: string, extraSuffixes: readonly string[] = []): boolean {
  const words = splitWords(name);
  const last = words[words.length - 1];
  if (!last) return false;
  if (REFERENCE_SUFFIXES.has(last) || extraSuffixes.some((s) => s.toLowerCase() === last)) return true;
  // `DbPasswordSecret`, `ApiTokenSecret`: names the Secrets Manager secret that holds the credential
  // (`!Ref` of an AWS::SecretsManager::Secret is its ARN), unlike a bare `ClientSecret`.
  if (last === 'secret' && words.length > 1 && /password|passwd|token|key|credential|creds|login/.test(words.slice(0, -1).join(''))) return true;
  return words.length === 1 && endsWithMeta(last) && /(arn|name|id|path|parameter|param|ref|url|uri)$/.test(last);
}

/**
 * Classifies the last segments of a data path (`$.auth.token`, `$states.input.user.password`):
 * the last segment, or a bare `token` qualified by its parent (`auth.token`).
 */
export function classifyPathSegments(segments: readonly string[], extra: readonly RegExp[] = []): NameClass | undefined {
  const named = segments.filter((s) => s !== '*' && !/^\d+$/.test(s));
  const last = named[named.length - 1];
  if (!last) return undefined;
  const own = classifyName(last, extra);
  if (own && !own.generic) return own;
  const parent = named[named.length - 2];
  if (own?.generic && parent && TOKEN_QUALIFIERS.has(splitWords(parent).join(''))) return { kind: 'token', generic: false };
  return own;
}

/** The kind's title with its article, for messages: `a password`, `an API key`, `credentials`. */
export function kindPhrase(kind: CredentialKind): string {
  return kind === 'credentials' ? KIND_TITLES[kind] : withArticle(KIND_TITLES[kind]);
}

/** `API key` -> `an API key`; `GitHub token` -> `a GitHub token`. */
export function withArticle(title: string): string {
  return /^([aeiouAEIO]|API|AWS|SSH|npm)/.test(title) ? `an ${title}` : `a ${title}`;
}
