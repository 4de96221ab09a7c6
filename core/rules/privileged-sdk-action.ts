// IAM003: privileged sdk action. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'IAM003',
  name: 'privileged-sdk-action',
  title: 'Privileged SDK action',
  description: 'An aws-sdk integration can escalate privilege, run commands or exfiltrate data.',
  category: 'security',
  severity: 'warning',
  messages: {},
});
