// IAM004: Credentials.RoleArn taken from state data. A role chosen by the input is a confused
// deputy; a fixed role name in an account chosen at run time is a narrower, lower-severity risk.
import { defineRule } from './define-rule';
import { credentialsRole } from '../iam/params';
import { patternOf } from '../iam/resource-value';
import { splitArn } from '../iam/arn';

const MAX = 80;
const clip = (s: string) => (s.length > MAX ? `${s.slice(0, MAX)}…` : s);

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
    runtimeAccount: 'Credentials.RoleArn names the fixed role "{{role}}" in an account taken from {{source}}: the input chooses the account, not the role. Limit sts:AssumeRole to "{{pattern}}" and check the account against an allow-list.',
  },
  checkState(state, ctx) {
    const role = credentialsRole(state);
    if (role?.kind !== 'runtime') return;
    const pattern = patternOf(role);
    const arn = splitArn(pattern);
    const fixedRole = arn && arn.service === 'iam' && /^role\//.test(arn.resource) && !arn.resource.includes('*') ? arn.resource.slice('role/'.length) : undefined;
    const source = clip(role.source ?? 'state data');
    if (fixedRole) {
      ctx.report({ messageId: 'runtimeAccount', data: { source, role: clip(fixedRole), pattern: clip(pattern) }, node: role.node, severity: 'warning', findingData: { pattern } });
    } else {
      ctx.report({ messageId: 'runtimeRole', data: { source }, node: role.node });
    }
  },
});
