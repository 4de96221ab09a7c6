// SEC003: token or credential flows through state. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'SEC003',
  name: 'token-through-state',
  title: 'Token or credential flows through state',
  description: 'An OAuth, bearer or user-delegated token (or user credentials) is read from input or state data and passed to a task.',
  category: 'security',
  severity: 'warning',
  messages: {},
});
