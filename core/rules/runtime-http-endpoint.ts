// SEC007: http endpoint chosen at run time. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'SEC007',
  name: 'runtime-http-endpoint',
  title: 'HTTP endpoint chosen at run time',
  description: "An HTTP Task's ApiEndpoint is built from state data: request forgery, and no policy condition can scope it.",
  category: 'security',
  severity: 'warning',
  messages: {},
});
