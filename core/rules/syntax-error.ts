// ASL001: text that does not parse as JSON or YAML.
import { defineRule } from './define-rule';

export default defineRule({
  code: 'ASL001',
  name: 'syntax-error',
  title: 'Syntax error',
  description: 'The document is not valid JSON or YAML; the parts that do parse are still checked.',
  category: 'correctness',
  severity: 'error',
  messages: {
    syntax: '{{detail}}',
    notText: 'Not a text file: {{reason}}. A state machine definition is JSON or YAML text in UTF-8; nothing else was checked.',
  },
  checkDocument(ctx) {
    for (const problem of ctx.parsed.problems) {
      const range = { offset: problem.offset, length: problem.length };
      if (problem.kind === 'notText') ctx.report({ messageId: 'notText', data: { reason: problem.message }, range });
      else ctx.report({ messageId: 'syntax', data: { detail: problem.message }, range });
    }
  },
});
