// IAM003: an aws-sdk integration that can escalate privilege, run code or commands, administer
// accounts or exfiltrate data. The list and its reasons live in core/iam/privileged-actions.ts.
import { defineRule } from './define-rule';
import { integrationSites } from '../iam/params';
import { privilegedAction } from '../iam/privileged-actions';
import { iamActionsFor } from '../iam/sdk-actions';

export default defineRule({
  code: 'IAM003',
  name: 'privileged-sdk-action',
  title: 'Privileged SDK action',
  description: 'An aws-sdk integration can escalate privilege, run commands or exfiltrate data.',
  category: 'security',
  severity: 'warning',
  cwe: ['CWE-250', 'CWE-269'],
  messages: {
    escalation: '{{call}} {{why}} ({{iam}}): a workflow that changes identities, credentials or access is a privilege-escalation path for whoever controls its input. Scope it to named resources and guard it with an approval step.',
    execution: '{{call}} {{why}} ({{iam}}): whoever controls the input can run code with another role. Use fixed, reviewed code and templates.',
    accounts: '{{call}} {{why}} ({{iam}}): account administration from a workflow bypasses review. Restrict it to a dedicated, approved workflow.',
    exfiltration: '{{call}} {{why}} ({{iam}}): the workflow can hand out data or keys it should not. Name the resource in the definition.',
  },
  checkState(state, ctx) {
    for (const site of integrationSites(state)) {
      const { resource } = site;
      if (resource.kind !== 'aws-sdk' || !resource.service || !resource.action) continue;
      const hit = privilegedAction(resource.service, resource.action, site);
      if (!hit) continue;
      ctx.report({
        messageId: hit.category,
        data: { call: `aws-sdk:${resource.service}:${resource.action}`, why: hit.why, iam: iamActionsFor(resource.service, resource.action).join(', ') },
        node: resource.node,
        findingData: { category: hit.category },
      });
    }
  },
});
