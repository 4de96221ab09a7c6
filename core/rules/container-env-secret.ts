// SEC005: a container or job override passes a secret-named environment variable (ECS, Batch,
// CodeBuild PLAINTEXT, EKS) or Glue job argument with a literal value or a value from state data,
// instead of letting the task definition, job definition or build project resolve the secret.
import { hasPlaceholder, isDynamicKey, isJsonata } from '../model/values';
import { defineRule } from './define-rule';
import { mask } from '../secrets/mask';
import { findKnownSecrets } from '../secrets/patterns';
import { classifyName, kindPhrase } from '../secrets/secret-keys';
import { DEFAULT_LITERAL_OPTIONS, looksLikeCredential } from '../secrets/literal';
import { dataReferences, literalPieces } from '../secrets/expressions';
import { containerEnvEntries, type EnvService } from '../secrets/integrations';
import { builtLiterals } from '../secrets/scan';

/** The native secret mechanism of each service, for the message. */
const REMEDY: Record<EnvService, string> = {
  ecs: 'declare it under "secrets" (valueFrom a Secrets Manager or Parameter Store ARN) in the task definition',
  batch: 'declare it under "secrets" (valueFrom a Secrets Manager or Parameter Store ARN) in the job definition',
  codebuild: 'use "Type": "PARAMETER_STORE" or "SECRETS_MANAGER" with the parameter or secret name as the value',
  eks: 'mount a Kubernetes Secret (or the Secrets Store CSI driver) in the job spec',
  glue: 'pass the secret name and read it in the job (or use a Glue connection)',
};

const DATA_SOURCES = new Set(['state-input', 'execution-input', 'variable', 'map-item']);

export default defineRule({
  code: 'SEC005',
  name: 'container-env-secret',
  title: 'Secret in container environment',
  description: 'A container override passes a secret as a plain environment variable instead of a task-definition secret.',
  category: 'security',
  severity: 'error',
  cwe: ['CWE-526', 'CWE-798'],
  messages: {
    literal:
      '{{service}} {{name}} is set to {{kind}} written in the definition ({{masked}}). Plain environment values are visible in the definition and in Describe calls. {{remedy}}.',
    runtime:
      '{{service}} {{name}} is set from state data ({{ref}}): the secret travels through the execution history and shows in the task or job configuration. Instead, {{remedy}}.',
  },
  checkState(state, ctx) {
    for (const entry of containerEnvEntries(state)) {
      if (entry.reference) continue;
      const cls = classifyName(entry.name);
      if (!cls || entry.valueNode.type !== 'string' || entry.valueNode.bare) continue;
      const value = entry.valueNode.value as string;
      const dynamic = isDynamicKey(entry.valueKey);
      if (!dynamic && !isJsonata(value) && hasPlaceholder(value)) continue; // SEC006's
      const service = SERVICE_TITLES[entry.service];
      const findingData = { service: entry.service, variable: entry.name, where: entry.where, credentialKind: cls.kind, stateName: state.name, queryLanguage: state.queryLanguage };
      const known = literalPieces(value, dynamic).map((p) => findKnownSecrets(p.text)[0]).find(Boolean);
      const literal = known ? known.secret : builtLiterals(value, dynamic).find((l) => looksLikeCredential(l, cls, DEFAULT_LITERAL_OPTIONS));
      if (literal !== undefined) {
        ctx.report({
          messageId: 'literal',
          node: entry.valueNode,
          data: { service, name: entry.label, kind: kindPhrase(cls.kind), masked: mask(literal), remedy: capitalize(REMEDY[entry.service]) },
          findingData: { ...findingData, source: 'literal' },
        });
        continue;
      }
      const ref = dataReferences(value, dynamic).find((r) => DATA_SOURCES.has(r.source));
      if (ref) {
        ctx.report({
          messageId: 'runtime',
          node: entry.valueNode,
          data: { service, name: entry.label, ref: ref.text, remedy: REMEDY[entry.service] },
          findingData: { ...findingData, source: ref.source, reference: ref.text },
        });
      }
    }
  },
});

const SERVICE_TITLES: Record<EnvService, string> = {
  ecs: 'ECS container variable',
  batch: 'Batch container variable',
  codebuild: 'CodeBuild environment variable',
  eks: 'EKS container variable',
  glue: 'Glue job argument',
};

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
