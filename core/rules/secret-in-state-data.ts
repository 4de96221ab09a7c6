// SEC002: decrypted secret in state data. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'SEC002',
  name: 'secret-in-state-data',
  title: 'Decrypted secret in state data',
  description: 'A decrypted secret enters state data and is recorded in the execution history (kept 90 days) and in logs.',
  category: 'security',
  severity: 'warning',
  messages: {},
});
