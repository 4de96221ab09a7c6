// SEC006: secret substituted at deploy time. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'SEC006',
  name: 'secret-substitution',
  title: 'Secret substituted at deploy time',
  description: 'A deploy-time placeholder under a secret key writes the plaintext secret into the deployed definition.',
  category: 'security',
  severity: 'warning',
  messages: {},
});
