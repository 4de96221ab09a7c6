// ASL006: unknown or misplaced field. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'ASL006',
  name: 'invalid-field',
  title: 'Unknown or misplaced field',
  description: 'A field that the state type does not accept, a field of the other query language, a wrong value type, or an invalid Type.',
  category: 'correctness',
  severity: 'error',
  messages: {},
});
