// The JSON schema of the `aslGuard.rules` setting, derived from core's rule catalog. The manifest
// test checks package.json against it; `UPDATE_MANIFEST=1 node test/run.mjs manifest` rewrites it.
import type { RuleMeta } from '../../core';
import type { RuleOptionSpec } from '../../core/rules/define-rule';
import { RULE_LEVELS } from '../../protocol';

function optionSchema(spec: RuleOptionSpec): Record<string, unknown> {
  const type = spec.type === 'string[]' ? { type: 'array', items: { type: 'string' } } : { type: spec.type };
  return { ...type, default: spec.default, description: spec.description };
}

/** The schema of one rule's entry: a level, or `{ severity, options }`. */
function ruleSchema(rule: RuleMeta): Record<string, unknown> {
  const level = { type: 'string', enum: [...RULE_LEVELS] };
  const options = Object.entries(rule.options);
  const detailed: Record<string, unknown> = {
    type: 'object',
    properties: {
      severity: level,
      options: {
        type: 'object',
        properties: Object.fromEntries(options.map(([name, spec]) => [name, optionSchema(spec)])),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
  return {
    markdownDescription: `[${rule.code}](${rule.docsUrl}) \`${rule.name}\`: ${rule.title}. Default: \`${rule.severity}\`.`,
    anyOf: [level, detailed],
  };
}

/** The `aslGuard.rules` configuration property. */
export function rulesSetting(rules: readonly RuleMeta[]): Record<string, unknown> {
  return {
    type: 'object',
    scope: 'resource',
    default: {},
    markdownDescription:
      'Per-rule level (`error`, `warning`, `info`, `hint`) or `off`, keyed by rule id, e.g. `{ "SEC001": "warning", "QUO003": "off" }`. ' +
      'A rule with options takes `{ "severity": ..., "options": { ... } }`. Merged over `.asl-guard.json` in the workspace folder; settings win.',
    properties: Object.fromEntries(rules.map((rule) => [rule.code, ruleSchema(rule)])),
    additionalProperties: false,
  };
}
