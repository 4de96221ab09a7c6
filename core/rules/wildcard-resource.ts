// IAM001: wildcard in resource. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'IAM001',
  name: 'wildcard-resource',
  title: 'Wildcard in resource',
  description: "A `*` in a task's resource ARN or ARN-valued parameter forces a wildcard in the execution role's policy.",
  category: 'security',
  severity: 'warning',
  messages: {},
});
