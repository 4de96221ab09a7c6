// SEC006: a deploy-time substitution puts a secret into the deployed definition: a `${Name}`
// placeholder under a secret key whose name does not say it is a reference, or a dynamic
// reference that resolves a secret value (`{{resolve:secretsmanager:...}}`, `${ssm:...}`).
import type { AstNode } from '../parse/ast';
import type { PayloadValue } from '../model/payload';
import type { State } from '../model/types';
import { defineRule, type StateRuleContext } from './define-rule';
import { classifyName, isReferenceName, kindPhrase } from '../secrets/secret-keys';
import { containerEnvEntries } from '../secrets/integrations';
import { effectiveKey, describePath, forEachDataValue, forEachOtherValue } from '../secrets/scan';
import { placeholderSpans } from '../text/placeholders';

// No braces inside a dynamic reference: [^}]* would rescan to the end from every `{{resolve:` without one.
const RESOLVE = /\{\{resolve:(secretsmanager|ssm-secure|ssm):([^{}]*)\}\}/g;

/** Each placeholder as [`${Name}`, `Name`] (the shape of a match of /\$\{([^}]*)\}/g). */
const placeholdersOf = (value: string): string[][] => placeholderSpans(value).map(([start, end]) => [value.slice(start, end), value.slice(start + 2, end - 1)]);

export default defineRule({
  code: 'SEC006',
  name: 'secret-substitution',
  title: 'Secret substituted at deploy time',
  description: 'A deploy-time placeholder under a secret key writes the plaintext secret into the deployed definition.',
  category: 'security',
  severity: 'warning',
  cwe: ['CWE-312', 'CWE-798'],
  options: {
    referenceSuffixes: { type: 'string[]', default: [], description: 'Extra last words that mark a placeholder name as a reference (built in: Arn, Name, Id, Path, Parameter, Param, Ref, Url, Uri, Endpoint, Location, Version).' },
  },
  messages: {
    placeholder:
      '"{{key}}" gets {{kind}} from the deploy-time placeholder {{placeholder}}: the deployment tool writes the plaintext value into the deployed definition, readable by anyone who can describe the state machine. Substitute a reference instead (secret ARN or parameter name, e.g. {{suggestion}}) and read the value at run time.',
    urlPassword:
      'The password in the URL of "{{key}}" comes from the deploy-time placeholder {{placeholder}}: the deployment tool writes it in plain text into the deployed definition. Substitute a reference (e.g. {{suggestion}}) and build the URL at run time, or use a connection.',
    resolvedSecret:
      '{{placeholder}} resolves a secret value at deploy time and writes it in plain text into the deployed definition. Pass the secret ARN or parameter name instead and read the value at run time.',
  },
  checkState(state, ctx) {
    const suffixes = Array.isArray(ctx.options.referenceSuffixes) ? (ctx.options.referenceSuffixes as string[]) : [];
    const envNames = new Map<AstNode, string>(containerEnvEntries(state).map((e) => [e.valueNode, e.name]));
    const visit = (pv: PayloadValue) => {
      if (pv.node.type !== 'string') return;
      const value = pv.node.value as string;
      if (!value.includes('${') && !value.includes('{{resolve:')) return;
      const key = envNames.get(pv.node) ?? effectiveKey(pv.path) ?? pv.key;
      check(state, ctx, pv, value, key, suffixes);
    };
    forEachDataValue(state, visit);
    forEachOtherValue(state, visit);
  },
});

function check(state: State, ctx: StateRuleContext, pv: PayloadValue, value: string, key: string | undefined, suffixes: string[]): void {
  const where = { field: pv.field, keyPath: pv.path, key, stateName: state.name };
  for (const m of value.matchAll(RESOLVE)) {
    const secret = m[1] !== 'ssm' || (key !== undefined && classifyName(key) !== undefined);
    if (!secret) continue;
    ctx.report({ messageId: 'resolvedSecret', node: pv.node, data: { placeholder: `{{resolve:${m[1]}:…}}` }, findingData: { ...where, placeholder: m[0], dynamicReference: m[1] } });
    return;
  }
  const userinfo = /:\/\/[^\s:@/]+:(\$\{([^{}]+)\})@/.exec(value);
  const cls = userinfo && !isReferenceName(userinfo[2], suffixes) ? { kind: 'password' as const, generic: false } : key === undefined ? undefined : classifyName(key);
  for (const m of userinfo && cls?.kind === 'password' ? [userinfo.slice(1)] : placeholdersOf(value)) {
    const name = m[1].trim();
    if (name.startsWith('AWS::')) continue;
    const resolvesValue = /^(ssm|secretsmanager|aws:secretsmanager)[:(]/i.test(name);
    if (resolvesValue && (cls || /secretsmanager/i.test(name))) {
      ctx.report({ messageId: 'resolvedSecret', node: pv.node, data: { placeholder: m[0] }, findingData: { ...where, placeholder: name } });
      return;
    }
    if (!cls || resolvesValue || isReferenceName(name, suffixes)) continue;
    ctx.report({
      messageId: userinfo && cls.kind === 'password' && m[0] === userinfo[1] ? 'urlPassword' : 'placeholder',
      node: pv.node,
      data: { key: key ?? pv.field, kind: kindPhrase(cls.kind), placeholder: m[0], suggestion: `\${${suggestion(name)}}` },
      findingData: { ...where, placeholder: name, credentialKind: cls.kind, path: describePath(pv.field, pv.path) },
    });
    return;
  }
}

/** `MasterUserPassword` -> `MasterUserPasswordSecretArn`; `var.db_password` -> `var.db_password_secret_arn`. */
function suggestion(name: string): string {
  return /[_.]/.test(name) || /^[a-z0-9]+$/.test(name) ? `${name}_secret_arn` : `${name}SecretArn`;
}
