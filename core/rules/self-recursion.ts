// QUO002: unbounded self-recursion. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'QUO002',
  name: 'self-recursion',
  title: 'Unbounded self-recursion',
  description: 'The state machine starts a new execution of itself with no bound.',
  category: 'best-practice',
  severity: 'warning',
  messages: {},
});
