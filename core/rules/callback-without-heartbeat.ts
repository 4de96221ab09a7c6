// QUO001: callback without heartbeat or timeout. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'QUO001',
  name: 'callback-without-heartbeat',
  title: 'Callback without heartbeat or timeout',
  description: 'A .waitForTaskToken task without HeartbeatSeconds or TimeoutSeconds waits up to a year.',
  category: 'best-practice',
  severity: 'warning',
  messages: {},
});
