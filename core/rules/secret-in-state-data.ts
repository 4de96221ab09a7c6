// SEC002: a Task fetches a decrypted secret (Secrets Manager, SSM with decryption, KMS Decrypt,
// STS/Cognito credentials ...) or picks a credential out of its result, and keeps it in state data
// or a variable, where the execution history records it.
import { isObject, valueOf, type AstNode } from '../parse/ast';
import { walkScalars } from '../model/payload';
import { isDynamicKey } from '../model/values';
import type { State } from '../model/types';
import { defineRule } from './define-rule';
import { secretSourceOf } from '../secrets/sources';
import { secretDestinations, type SecretDestination } from '../secrets/flow';
import { dataReferences } from '../secrets/expressions';
import { classifyPathSegments, kindPhrase, KIND_TITLES } from '../secrets/secret-keys';

export default defineRule({
  code: 'SEC002',
  name: 'secret-in-state-data',
  title: 'Decrypted secret in state data',
  description: 'A decrypted secret enters state data and is recorded in the execution history (kept 90 days) and in logs.',
  category: 'security',
  severity: 'warning',
  cwe: ['CWE-532', 'CWE-312'],
  options: {
    genericToken: { type: 'boolean', default: false, description: 'Also treat a result field named just `token` as a credential (off: it is usually a callback or webhook token).' },
  },
  messages: {
    keptInState:
      '{{call}} returns {{what}}, and this state keeps that in state data at {{location}} ({{via}}). State data is recorded in the execution history (kept 90 days) and in execution logs. Drop it with ResultSelector/Output or "ResultPath": null, or let the consumer read the secret itself.',
    assigned:
      '{{call}} returns {{what}}, and Assign stores that in variable ${{location}}. Variable values are recorded in the execution history (StateExited events). Let the consumer read the secret itself instead.',
    credentialKept:
      'This state keeps {{kind}} from the task result ({{field}}) in state data at {{location}} ({{via}}). State data is recorded in the execution history and in execution logs; keep credentials out of the workflow and let the consumer fetch them.',
    credentialAssigned:
      'Assign stores {{kind}} from the task result ({{field}}) in variable ${{location}}. Variable values are recorded in the execution history; keep credentials out of the workflow and let the consumer fetch them.',
  },
  checkState(state, ctx) {
    if (state.type !== 'Task' || !state.resource) return;
    const source = secretSourceOf(state);
    if (source) {
      const call = `${source.service}:${source.action}`;
      for (const dest of secretDestinations(state, source.fields)) {
        ctx.report({
          messageId: dest.kind === 'output' ? 'keptInState' : 'assigned',
          node: dest.node,
          data: { call, what: source.what, location: dest.location, via: viaText(dest) },
          findingData: findingData(state, dest, { service: source.service, action: source.action, secretFields: source.fields.map((f) => f.join('.')) }),
        });
      }
      return;
    }
    const credentials = credentialFields(state, ctx.options.genericToken === true);
    if (!credentials.length) return;
    for (const dest of secretDestinations(state, credentials.map((c) => c.segments))) {
      const first = credentials[0];
      ctx.report({
        messageId: dest.kind === 'output' ? 'credentialKept' : 'credentialAssigned',
        node: dest.kind === 'output' ? first.node : dest.node,
        data: { kind: kindPhrase(first.kind), field: first.text, location: dest.location, via: viaText(dest) },
        findingData: findingData(state, dest, { credentialKind: first.kind, secretFields: credentials.map((c) => c.segments.join('.')) }),
      });
    }
  },
});

function viaText(dest: SecretDestination): string {
  switch (dest.via) {
    case 'ResultSelector':
      return 'selected by ResultSelector';
    case 'ResultPath':
      return 'placed by ResultPath';
    case 'Output':
      return 'selected by Output';
    default:
      return 'the whole result becomes the state output by default';
  }
}

interface CredentialField {
  segments: string[];
  text: string;
  kind: keyof typeof KIND_TITLES;
  node: AstNode;
}

/** Credential-named result fields a state selects: ResultSelector (JSONPath), or Output/Assign. */
function credentialFields(state: State, genericToken: boolean): CredentialField[] {
  const jsonata = state.queryLanguage === 'JSONata';
  const selector = valueOf(state.node, 'ResultSelector');
  const roots = jsonata ? ['Output', 'Assign'] : isObject(selector) ? ['ResultSelector'] : ['Assign'];
  const out: CredentialField[] = [];
  for (const field of roots) {
    const root = valueOf(state.node, field);
    if (!root) continue;
    const visit = (key: string | undefined, node: AstNode) => {
      if (node.type !== 'string') return;
      for (const ref of dataReferences(node.value as string, isDynamicKey(key ?? ''))) {
        if (ref.source !== (jsonata ? 'task-result' : 'state-input')) continue;
        const cls = classifyPathSegments(ref.segments);
        if (cls && (!cls.generic || genericToken)) out.push({ segments: ref.segments, text: ref.text, kind: cls.kind, node });
      }
    };
    if (root.type === 'string') visit(undefined, root);
    else walkScalars(root, field, (pv) => visit(pv.key, pv.node));
  }
  return out;
}

/** What the "discard the secret" fix needs: where it goes and which result fields are secret. */
function findingData(state: State, dest: SecretDestination, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    ...extra,
    destination: dest.kind,
    location: dest.location,
    via: dest.via,
    stateName: state.name,
    queryLanguage: state.queryLanguage,
    hasResultSelector: valueOf(state.node, 'ResultSelector') !== undefined,
    hasOutput: valueOf(state.node, 'Output') !== undefined,
  };
}
