// ASL004: a state that no path from its scope's StartAt reaches never runs.
import { graphOf } from '../model/graph';
import { defineRule } from './define-rule';

export default defineRule({
  code: 'ASL004',
  name: 'unreachable-state',
  title: 'Unreachable state',
  description: 'No transition from StartAt leads to this state, so it never runs (Step Functions rejects such a definition).',
  category: 'correctness',
  severity: 'error',
  messages: { unreachable: 'State "{{name}}" is never reached from StartAt "{{startAt}}".' },
  documentReadsStructureOnly: true,
  checkDocument(ctx) {
    const model = ctx.model;
    if (!model) return;
    const { reachable } = graphOf(model);
    for (const state of model.states) {
      if (reachable.has(state)) continue;
      const scope = state.scope;
      // Without a valid StartAt everything would be "unreachable"; ASL002 reports the cause.
      if (!scope.startAt || !scope.states.has(scope.startAt.name)) continue;
      // A state in a scope that itself never runs is reported once, at its owner.
      if (scope.owner && !reachable.has(scope.owner)) continue;
      ctx.report({ messageId: 'unreachable', data: { name: state.name, startAt: scope.startAt.name }, node: state.keyNode, tags: ['unnecessary'] });
    }
  },
});
