// IAM002: the resource a task calls is chosen from state data at run time (a `.$` path, an
// intrinsic or a JSONata expression), so the policy cannot name it. A variable or a Pass result
// that only holds a constant (`outBucket: ${OutputBucket}`) is traced and not reported, so the
// rule declares that it reads Pass states and Assign blocks (stateReadsStates).
import { defineRule } from './define-rule';
import { paramLabel, resourceUses } from '../iam/params';
import { isInputControlled, patternOf } from '../iam/resource-value';
import { splitArn } from '../iam/arn';
import { traceSourcePart, traceValue } from '../iam/trace';
import { stripPlaceholders } from '../text/placeholders';
import { quoteForMessage } from '../secrets/quote';


/** The pattern still names something (`orders-*`, `role/Audit`), not a bare `*:*` or two wildcards around a slash. */
function namesSomething(pattern: string): boolean {
  const resource = splitArn(pattern)?.resource ?? pattern.replace(/^[a-z0-9]+:\/\//, '');
  return /[A-Za-z0-9]{2}/.test(stripPlaceholders(resource));
}

export default defineRule({
  code: 'IAM002',
  name: 'runtime-resource',
  title: 'Resource chosen at run time',
  description: 'The resource name comes from state data at run time, so the policy cannot be scoped to it.',
  category: 'security',
  severity: 'warning',
  cwe: ['CWE-639'],
  messages: {
    runtime: '{{param}} ({{noun}}) is taken from {{source}} at run time, so the execution role must allow any {{noun}}. Check the value against an allow-list in a Choice state, or build it from a fixed name prefix.',
    runtimePrefix: '{{param}} ({{noun}}) is built at run time from {{source}}; the policy can only be limited to "{{pattern}}". Check the value against an allow-list in a Choice state.',
    runtimeIntegration: 'The Resource is computed at run time, so neither the integration nor its permissions are known before the state runs.',
  },
  checkState(state, ctx) {
    if (state.resource?.kind === 'expression') ctx.report({ messageId: 'runtimeIntegration', node: state.resource.node });
    for (const use of resourceUses(state)) {
      const { param } = use;
      if (param.notReported || !isInputControlled(use.value)) continue;
      const origin = traceValue(ctx.model, state, use.value).find(isInputControlled);
      if (!origin) continue; // every writer is a constant
      const pattern = patternOf(origin);
      if (param.reportIf && !param.reportIf(pattern)) continue;
      const prefixed = namesSomething(pattern);
      const data = { param: paramLabel(use), noun: param.noun, source: quoteForMessage(origin.source ?? 'state data'), pattern: quoteForMessage(pattern) };
      ctx.report({ messageId: prefixed ? 'runtimePrefix' : 'runtime', data, node: use.value.node, severity: prefixed ? 'info' : undefined, findingData: { param: data.param, pattern } });
    }
  },
  stateReadsStates: traceSourcePart,
});
