// SEC003: a user token or credential (OAuth/bearer/session tokens, cookies, passwords, API keys)
// is read from execution input, state data or a variable and handed to a task. The Step Functions
// task token, pagination and idempotency tokens are not credentials and never fire.
import { isDynamicKey, isJsonata } from '../model/values';
import { forEachPayloadValue } from '../model/payload';
import { defineRule } from './define-rule';
import { classifyName, classifyPathSegments, kindPhrase, type NameClass } from '../secrets/secret-keys';
import { dataReferences, jsonataAst, jsonataPairs, jsonataReference, type DataReference } from '../secrets/expressions';
import { httpOwnedNodes, insideAny, secretEnvEntries } from '../secrets/integrations';
import { compileAll } from '../secrets/literal';
import { describePath, effectiveKey } from '../secrets/scan';
import { jsonataReferences } from '../expressions/jsonata';

const SOURCES: Record<string, string> = {
  'state-input': 'state data',
  'execution-input': 'the execution input',
  variable: 'a workflow variable',
  'map-item': 'the Map item',
};

export default defineRule({
  code: 'SEC003',
  name: 'token-through-state',
  title: 'Token or credential flows through state',
  description: 'An OAuth, bearer or user-delegated token (or user credentials) is read from input or state data and passed to a task.',
  category: 'security',
  severity: 'warning',
  cwe: ['CWE-522', 'CWE-532'],
  options: {
    genericToken: { type: 'boolean', default: false, description: 'Also report data named just `token` (off: in real workflows it is usually a callback or webhook token).' },
    extraNames: { type: 'string[]', default: [], description: 'Globs (`*`, `?`; the whole name, any case) for additional names that carry credentials.' },
  },
  messages: {
    tokenFlow:
      '{{target}} receives {{kind}} from {{source}} ({{ref}}). It is recorded in the execution history of every state it passes. Keep user tokens in a token vault and pass a reference (user or session id); let the worker exchange it for a short-lived, scoped token.',
    credentialFlow:
      '{{target}} receives {{kind}} from {{source}} ({{ref}}). Credentials carried through the workflow are recorded in the execution history; pass a reference (secret name or user id) and let the worker fetch them from Secrets Manager or a token vault.',
  },
  checkState(state, ctx) {
    if (state.type !== 'Task') return;
    const extra = compileAll(ctx.options.extraNames);
    const generic = ctx.options.genericToken === true;
    // HTTP headers/query/endpoint are SEC004's; secret-named container variables are SEC005's.
    const owned = [...httpOwnedNodes(state), ...secretEnvEntries(state).map((e) => e.valueNode)];
    forEachPayloadValue(
      state,
      (pv) => {
        if (pv.node.type !== 'string' || pv.node.bare || insideAny(pv.node, owned)) return;
        const value = pv.node.value as string;
        const dynamic = isDynamicKey(pv.key ?? '');
        if (!dynamic && !isJsonata(value)) return;
        const key = effectiveKey(pv.path);
        const target = key === undefined ? undefined : classifyName(key, extra);
        const hit = findCredentialRef(value, dynamic, target, extra, generic);
        if (!hit) return;
        const { ref, cls, pairKey } = hit;
        const targetText = describePath(pv.field, pv.path) + (pairKey ? ` ("${pairKey}" in the expression)` : '');
        ctx.report({
          messageId: cls.kind === 'token' || cls.kind === 'authorization' || cls.kind === 'cookie' ? 'tokenFlow' : 'credentialFlow',
          node: pv.node,
          data: { target: targetText, kind: kindPhrase(cls.kind), source: SOURCES[ref.source], ref: ref.text },
          findingData: { credentialKind: cls.kind, source: ref.source, reference: ref.text, field: pv.field, keyPath: pv.path, stateName: state.name, queryLanguage: state.queryLanguage, service: state.resource?.service, resourceKind: state.resource?.kind },
        });
      },
      ['Parameters', 'Arguments'],
    );
  },
});

function accepted(cls: NameClass | undefined, generic: boolean): cls is NameClass {
  return !!cls && (!cls.generic || generic);
}

/** The first data reference that carries a credential, judged by its own name or the target key's. */
function findCredentialRef(value: string, dynamic: boolean, target: NameClass | undefined, extra: RegExp[], generic: boolean): { ref: DataReference; cls: NameClass; pairKey?: string } | undefined {
  const refs = dataReferences(value, dynamic).filter((r) => r.source in SOURCES);
  for (const ref of refs) {
    const named = classifyPathSegments(ref.variable !== undefined ? [ref.variable, ...ref.segments] : ref.segments, extra);
    if (accepted(named, generic)) return { ref, cls: named };
  }
  // The target names a credential (`Authorization.$`, `password.$`): any data it reads counts,
  // unless that data is named as a reference (`$.secretName`, `$.apiKeyParameter`).
  if (accepted(target, generic)) {
    const ref = refs.find((r) => {
      const last = r.segments[r.segments.length - 1] ?? r.variable ?? '';
      return !/(arn|name|id|ids|path|parameter|param|ref|url|uri|type)$/i.test(last);
    });
    if (ref) return { ref, cls: target };
  }
  // JSONata object constructors: `{'Authorization': 'Bearer ' & $states.input.token}`.
  if (isJsonata(value)) {
    const ast = jsonataAst(value);
    for (const pair of ast ? jsonataPairs(ast) : []) {
      const cls = classifyName(pair.key, extra);
      if (!accepted(cls, generic)) continue;
      const ref = jsonataReferences(pair.value)
        .map(jsonataReference)
        .find((r): r is DataReference => !!r && r.source in SOURCES);
      if (ref) return { ref, cls: cls!, pairKey: pair.key };
    }
  }
  return undefined;
}
