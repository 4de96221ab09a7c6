// ASL003: Next, Default, Choices[].Next and Catch[].Next must name a state of the same scope.
import { stringOf, valueOf } from '../parse/ast';
import { hasPlaceholder } from '../model/values';
import { defineRule } from './define-rule';
import { closestName } from './utils/closest-name';
import { replaceStringValue } from '../fixes/replace-value';

export default defineRule({
  code: 'ASL003',
  name: 'unknown-transition-target',
  title: 'Transition to an unknown state',
  description: 'A transition names a state that does not exist in the same scope (transitions cannot leave a Parallel branch or Map processor).',
  category: 'correctness',
  severity: 'error',
  messages: {
    unknown: '{{kind}} names "{{target}}", which is not a state{{suggestion}}',
    otherScope: '{{kind}} names "{{target}}", which is in another scope; transitions cannot cross a Parallel branch or Map processor boundary.',
    notString: '{{kind}} must be a state name (a string).',
  },
  // Reads the names of the other states of its scope and of the machine.
  stateReadsStructure: true,
  checkState(state, ctx) {
    for (const t of state.transitions) {
      if (state.scope.states.has(t.target) || hasPlaceholder(t.target)) continue;
      const elsewhere = ctx.model.states.some((s) => s.name === t.target);
      const suggestion = elsewhere ? undefined : closestName(t.target, [...state.scope.states.keys()]);
      ctx.report({
        messageId: elsewhere ? 'otherScope' : 'unknown',
        data: { kind: t.kind === 'Choice' ? 'Choice rule Next' : t.kind === 'Catch' ? 'Catch Next' : t.kind, target: t.target, suggestion: suggestion ? `; did you mean "${suggestion}"?` : '.' },
        node: t.node,
        findingData: suggestion ? { suggestion } : undefined,
        fixes: suggestion ? [{ id: 'replace-target', title: `Change to "${suggestion}"`, kind: 'quickfix', isPreferred: true, edits: [replaceStringValue(t.node, suggestion, ctx.parsed.format)] }] : undefined,
      });
    }
    for (const key of ['Next', 'Default']) {
      const node = valueOf(state.node, key);
      if (node && stringOf(node) === undefined && !node.bare) ctx.report({ messageId: 'notString', data: { kind: key }, node });
    }
  },
});
