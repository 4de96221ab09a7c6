// SEC005: secret in container environment. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'SEC005',
  name: 'container-env-secret',
  title: 'Secret in container environment',
  description: 'A container override passes a secret as a plain environment variable instead of a task-definition secret.',
  category: 'security',
  severity: 'error',
  messages: {},
});
