// QUO004: unbounded loop. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'QUO004',
  name: 'unbounded-loop',
  title: 'Unbounded loop',
  description: 'A cycle with no exit Choice or counter runs into the 25,000-event history limit or forever.',
  category: 'best-practice',
  severity: 'warning',
  messages: {},
});
