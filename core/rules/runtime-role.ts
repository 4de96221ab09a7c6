// IAM004: Credentials.RoleArn taken from state data. A role chosen by the input is a confused
// deputy; a fixed role name in an account chosen at run time is a narrower, lower-severity risk.
// The role is often built by a Pass state or an Assign before the Task: the rule declares that it
// reads those states (stateReadsStates), so an edit of what those write re-checks every state.
import { defineRule } from './define-rule';
import { credentialsRole } from '../iam/params';
import { isInputControlled, patternOf } from '../iam/resource-value';
import { fixedRoleName, traceSourcePart, traceValue } from '../iam/trace';
import { quoteForMessage } from '../secrets/quote';


export default defineRule({
  code: 'IAM004',
  name: 'runtime-role',
  title: 'Role chosen at run time',
  description: 'Credentials.RoleArn is taken from state data: whoever controls the input chooses the role the task assumes.',
  category: 'security',
  severity: 'error',
  cwe: ['CWE-441', 'CWE-639'],
  messages: {
    runtimeRole: 'Credentials.RoleArn comes from {{source}}: whoever controls the input chooses which role this task assumes (confused deputy), and sts:AssumeRole cannot be scoped. Use a fixed role ARN, or pick it with a Choice from an allow-list.',
    runtimeAccount: 'Credentials.RoleArn names the fixed role "{{role}}" in an account taken from {{source}} at run time: state data chooses the account, not the role. Limit sts:AssumeRole to "{{pattern}}" and check the account against an allow-list.',
  },
  checkState(state, ctx) {
    const role = credentialsRole(state);
    if (!role || !isInputControlled(role)) return;
    const origins = traceValue(ctx.model, state, role).filter((v) => v.kind === 'runtime' || v.kind === 'wildcard');
    if (!origins.length) return; // every writer is a fixed role ARN
    const chosen = origins.find((v) => !fixedRoleName(v) && isInputControlled(v));
    const fixed = origins.find((v) => fixedRoleName(v));
    if (chosen || !fixed) {
      if (origins.some(isInputControlled)) ctx.report({ messageId: 'runtimeRole', data: { source: quoteForMessage(chosen?.source ?? role.source ?? 'state data') }, node: role.node });
    } else {
      const pattern = patternOf(fixed);
      ctx.report({ messageId: 'runtimeAccount', data: { source: quoteForMessage(fixed.source ?? role.source ?? 'state data'), role: quoteForMessage(fixedRoleName(fixed)!), pattern: quoteForMessage(pattern) }, node: role.node, severity: 'warning', findingData: { pattern } });
    }
  },
  stateReadsStates: traceSourcePart,
});
