// IAM002: resource chosen at run time. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'IAM002',
  name: 'runtime-resource',
  title: 'Resource chosen at run time',
  description: 'The resource name comes from state data at run time, so the policy cannot be scoped to it.',
  category: 'security',
  severity: 'warning',
  messages: {},
});
