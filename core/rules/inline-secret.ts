// SEC001: inline secret. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'SEC001',
  name: 'inline-secret',
  title: 'Inline secret',
  description: 'A literal secret (password, API key, token, private key) is written into the definition.',
  category: 'security',
  severity: 'error',
  messages: {},
});
