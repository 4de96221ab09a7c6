// ASL007: invalid jsonpath, intrinsic or jsonata expression. NOT YET IMPLEMENTED: metadata only, no check.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'ASL007',
  name: 'invalid-expression',
  title: 'Invalid JSONPath, intrinsic or JSONata expression',
  description: 'A path, intrinsic function call or JSONata expression that Step Functions cannot evaluate.',
  category: 'correctness',
  severity: 'error',
  messages: {},
});
