// IAM001: a `*` in a task's resource ARN or in a parameter that names the resource (function,
// topic, queue, table, state machine, secret, parameter, bucket, role) forces a wildcard policy.
import { defineRule } from './define-rule';
import { credentialsRole, paramLabel, resourceUses } from '../iam/params';
import { quoteForMessage } from '../secrets/quote';


export default defineRule({
  code: 'IAM001',
  name: 'wildcard-resource',
  title: 'Wildcard in resource',
  description: "A `*` in a task's resource ARN or ARN-valued parameter forces a wildcard in the execution role's policy.",
  category: 'security',
  severity: 'warning',
  cwe: ['CWE-732'],
  messages: {
    wildcard: '{{param}} names {{noun}} "{{value}}" with a wildcard: the execution role must be allowed on every matching {{noun}}. Name the one resource this state needs.',
    wildcardRole: 'Credentials.RoleArn "{{value}}" holds a wildcard: the execution role would need sts:AssumeRole on every matching role. Name the one role this task assumes.',
  },
  checkState(state, ctx) {
    for (const use of resourceUses(state)) {
      if (use.value.kind !== 'wildcard') continue;
      const param = paramLabel(use);
      ctx.report({ messageId: 'wildcard', data: { param, noun: use.param.noun, value: quoteForMessage(use.value.text) }, node: use.value.node, findingData: { param, noun: use.param.noun } });
    }
    const role = credentialsRole(state);
    if (role?.kind === 'wildcard') ctx.report({ messageId: 'wildcardRole', data: { value: quoteForMessage(role.text) }, node: role.node });
  },
});
