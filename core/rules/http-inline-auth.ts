// SEC004: an HTTP Task sends credentials itself (Authorization/API-key/cookie headers, token query
// parameters, user:password in the URL), literal or from state data, instead of letting its
// EventBridge connection add them. Owns these places: SEC001/SEC003 stay out of them.
import { isObject, keyOf, propertiesOf, type AstNode } from '../parse/ast';
import { baseKey, hasPlaceholder, isDynamicKey, isJsonata } from '../model/values';
import type { State } from '../model/types';
import { defineRule, type StateRuleContext } from './define-rule';
import { mask } from '../secrets/mask';
import { findKnownSecrets } from '../secrets/patterns';
import { classifyName, classifyPathSegments, kindPhrase, withArticle } from '../secrets/secret-keys';
import { DEFAULT_LITERAL_OPTIONS, looksLikeCredential } from '../secrets/literal';
import { dataReferences, joinedJsonataLiterals, jsonataAst, jsonataPairs, jsonataReference, literalPieces, type DataReference } from '../secrets/expressions';
import { jsonataReferences, type JsonataNode } from '../expressions/jsonata';
import { httpTaskParts } from '../secrets/integrations';
import { builtLiterals } from '../secrets/scan';

const DATA_SOURCES = new Set(['state-input', 'execution-input', 'variable', 'map-item']);
const PLACE = { header: 'header', query: 'query parameter' } as const;

export default defineRule({
  code: 'SEC004',
  name: 'http-inline-auth',
  title: 'HTTP Task with inline credentials',
  description: 'An HTTP Task sends credentials in headers, query parameters or the URL instead of using an EventBridge connection.',
  category: 'security',
  severity: 'error',
  cwe: ['CWE-798', 'CWE-522'],
  messages: {
    literal:
      'HTTP Task sends {{kind}} in {{place}} "{{name}}" as a literal ({{masked}}). Let the EventBridge connection (Authentication.ConnectionArn) add it: the connection keeps it in Secrets Manager, out of the definition and the execution history.',
    runtime:
      'HTTP Task fills {{place}} "{{name}}" with {{kind}} from state data ({{ref}}), so the credential travels through the execution history. Let the EventBridge connection (Authentication.ConnectionArn) add it instead.',
    urlCredentials: 'ApiEndpoint carries a user name and password ({{masked}}). Use an EventBridge connection with Basic authorization instead of credentials in the URL.',
    urlSecret: 'ApiEndpoint contains {{kind}} ({{masked}}): the URL itself is the credential, readable by anyone who can read the definition. Keep it in Secrets Manager and call it from code that reads it there.',
    urlQuery: 'ApiEndpoint carries {{kind}} in query parameter "{{name}}" ({{masked}}). Use an EventBridge connection (API key or OAuth authorization) instead of credentials in the URL.',
  },
  checkState(state, ctx) {
    const parts = httpTaskParts(state);
    if (!parts) return;
    for (const place of ['header', 'query'] as const) {
      const container = place === 'header' ? parts.headers : parts.query;
      if (!container) continue;
      if (isObject(container.node)) {
        for (const prop of propertiesOf(container.node)) {
          if (prop.children[1]) checkEntry(state, ctx, place, keyOf(prop), prop.children[1], parts.hasConnection);
        }
      } else if (container.node.type === 'string' && isJsonata(container.node.value as string)) {
        const ast = jsonataAst(container.node.value as string);
        for (const pair of ast ? jsonataPairs(ast) : []) checkJsonataPair(state, ctx, place, pair.key, pair.value, container.node, parts.hasConnection);
      }
    }
    const endpoint = parts.endpoint;
    if (!endpoint || endpoint.node.type !== 'string' || endpoint.node.bare) return;
    const url = endpoint.node.value as string;
    const dynamic = isDynamicKey(endpoint.key);
    // A URL built at run time (`States.Format('https://user:pw@host/{}', $.id)`) carries its literal parts as written.
    const texts = dynamic || isJsonata(url) ? literalPieces(url, dynamic).map((p) => p.text) : [url];
    for (const text of texts) if (checkUrl(state, ctx, endpoint.node, text, parts.hasConnection)) return;
  },
});

function report(ctx: StateRuleContext, state: State, messageId: string, node: AstNode, data: Record<string, string>, extra: Record<string, unknown>, hasConnection: boolean): void {
  ctx.report({
    messageId,
    node,
    data,
    severity: messageId === 'runtime' ? 'warning' : undefined,
    findingData: { ...extra, name: data.name, stateName: state.name, queryLanguage: state.queryLanguage, hasConnection },
  });
}

/** One header or query parameter: a literal credential, or one read from state data. */
function checkEntry(state: State, ctx: StateRuleContext, place: keyof typeof PLACE, key: string, node: AstNode, hasConnection: boolean): void {
  if (node.type !== 'string' || node.bare) return;
  const value = node.value as string;
  const name = baseKey(key);
  const dynamic = isDynamicKey(key);
  const cls = classifyName(name);
  if (!dynamic && !isJsonata(value) && hasPlaceholder(value)) return; // SEC006's
  const texts = literalPieces(value, dynamic).map((p) => p.text);
  const joined = joinedJsonataLiterals(value);
  for (const text of joined ? [...texts, joined] : texts) {
    const match = findKnownSecrets(text)[0];
    if (match) return report(ctx, state, 'literal', node, { kind: withArticle(match.pattern.title), place: PLACE[place], name, masked: mask(match.secret) }, { location: place, kind: match.pattern.id }, hasConnection);
  }
  if (cls) {
    for (const literal of builtLiterals(value, dynamic)) {
      if (looksLikeCredential(literal, cls, DEFAULT_LITERAL_OPTIONS)) return report(ctx, state, 'literal', node, { kind: kindPhrase(cls.kind), place: PLACE[place], name, masked: mask(literal) }, { location: place, kind: cls.kind }, hasConnection);
    }
  }
  const refs = dataReferences(value, dynamic).filter((r) => DATA_SOURCES.has(r.source));
  const ref = refs.find((r) => classifyPathSegments(r.variable !== undefined ? [r.variable, ...r.segments] : r.segments)) ?? (cls ? refs[0] : undefined);
  if (ref) reportRuntime(ctx, state, place, name, node, ref, cls?.kind, hasConnection);
}

function reportRuntime(ctx: StateRuleContext, state: State, place: keyof typeof PLACE, name: string, node: AstNode, ref: DataReference, kind: Parameters<typeof kindPhrase>[0] | undefined, hasConnection: boolean): void {
  const own = classifyPathSegments(ref.variable !== undefined ? [ref.variable, ...ref.segments] : ref.segments);
  const k = kind ?? own?.kind ?? 'credentials';
  report(ctx, state, 'runtime', node, { kind: kindPhrase(k), place: PLACE[place], name, ref: ref.text }, { location: place, kind: k, source: ref.source, reference: ref.text }, hasConnection);
}

/** `{% {'Authorization': 'Bearer ' & $token} %}` headers: judge each pair like a property. */
function checkJsonataPair(state: State, ctx: StateRuleContext, place: keyof typeof PLACE, name: string, value: JsonataNode, node: AstNode, hasConnection: boolean): void {
  const cls = classifyName(name);
  if (value.type === 'string' && typeof value.value === 'string') {
    const match = findKnownSecrets(value.value)[0];
    if (match) return report(ctx, state, 'literal', node, { kind: withArticle(match.pattern.title), place: PLACE[place], name, masked: mask(match.secret) }, { location: place, kind: match.pattern.id }, hasConnection);
    if (cls && looksLikeCredential(value.value, cls)) return report(ctx, state, 'literal', node, { kind: kindPhrase(cls.kind), place: PLACE[place], name, masked: mask(value.value) }, { location: place, kind: cls.kind }, hasConnection);
    return;
  }
  const refs = jsonataReferences(value).map(jsonataReference).filter((r): r is DataReference => !!r && DATA_SOURCES.has(r.source));
  const ref = refs.find((r) => classifyPathSegments(r.variable !== undefined ? [r.variable, ...r.segments] : r.segments)) ?? (cls ? refs[0] : undefined);
  if (ref) reportRuntime(ctx, state, place, name, node, ref, cls?.kind, hasConnection);
}

/** ApiEndpoint text (the literal, or a literal part of a built one) with `user:pass@` or a credential in its query string; true when reported. */
function checkUrl(state: State, ctx: StateRuleContext, node: AstNode, url: string, hasConnection: boolean): boolean {
  const match = findKnownSecrets(url)[0];
  if (match?.pattern.id === 'url-credentials') return (report(ctx, state, 'urlCredentials', node, { masked: mask(match.secret) }, { location: 'url', kind: 'url-credentials' }, hasConnection), true);
  const query = url.split('#')[0].split('?')[1];
  for (const pair of query ? query.split('&') : []) {
    const [rawName, rawValue = ''] = pair.split('=');
    const name = safeDecode(rawName);
    const value = safeDecode(rawValue);
    const known = findKnownSecrets(value)[0];
    const cls = classifyName(name);
    if (known || (cls && looksLikeCredential(value, cls))) {
      report(ctx, state, 'urlQuery', node, { kind: known ? withArticle(known.pattern.title) : kindPhrase(cls!.kind), name, masked: mask(known ? known.secret : value) }, { location: 'url-query', kind: known ? known.pattern.id : cls!.kind }, hasConnection);
      return true;
    }
  }
  if (match) report(ctx, state, 'urlSecret', node, { kind: withArticle(match.pattern.title), masked: mask(match.secret) }, { location: 'url', kind: match.pattern.id }, hasConnection);
  return match !== undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
