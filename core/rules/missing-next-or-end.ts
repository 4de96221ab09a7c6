// ASL005: every state except Choice, Succeed and Fail must say where it goes: Next, or End: true.
import { propertyOf, valueOf } from '../parse/ast';
import { defineRule } from './define-rule';

const TERMINAL_OR_BRANCHING = new Set(['Choice', 'Succeed', 'Fail']);

export default defineRule({
  code: 'ASL005',
  name: 'missing-next-or-end',
  title: 'State with neither Next nor End',
  description: 'A state that is not Choice, Succeed or Fail needs exactly one of "Next" or "End": true.',
  category: 'correctness',
  severity: 'error',
  messages: {
    missing: 'State "{{name}}" has neither "Next" nor "End": true.',
    both: 'State "{{name}}" has both "Next" and "End"; keep one.',
    endNotTrue: '"End" must be true; to continue, use "Next".',
  },
  checkState(state, ctx) {
    if (!state.type || TERMINAL_OR_BRANCHING.has(state.type)) return;
    const next = propertyOf(state.node, 'Next');
    const end = valueOf(state.node, 'End');
    if (!next && !end) ctx.report({ messageId: 'missing', data: { name: state.name }, node: state.keyNode });
    else if (next && end?.value === true) ctx.report({ messageId: 'both', data: { name: state.name }, node: end.parent ?? end });
    // A non-boolean End (or a placeholder) is ASL006's to report.
    else if (!next && end?.type === 'boolean' && end.value !== true) ctx.report({ messageId: 'endNotTrue', node: end });
  },
});
