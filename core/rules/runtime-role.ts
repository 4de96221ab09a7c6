// IAM004: role chosen at run time. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'IAM004',
  name: 'runtime-role',
  title: 'Role chosen at run time',
  description: 'Credentials.RoleArn is taken from state data: whoever controls the input chooses the role the task assumes.',
  category: 'security',
  severity: 'error',
  messages: {},
});
