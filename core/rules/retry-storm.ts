// QUO005: retry storm. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'QUO005',
  name: 'retry-storm',
  title: 'Retry storm',
  description: 'A Retry with very many attempts and no MaxDelaySeconds.',
  category: 'best-practice',
  severity: 'warning',
  messages: {},
});
