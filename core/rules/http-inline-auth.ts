// SEC004: http task with inline credentials. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'SEC004',
  name: 'http-inline-auth',
  title: 'HTTP Task with inline credentials',
  description: 'An HTTP Task sends credentials in headers, query parameters or the URL instead of using an EventBridge connection.',
  category: 'security',
  severity: 'error',
  messages: {},
});
