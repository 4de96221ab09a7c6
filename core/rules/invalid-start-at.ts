// ASL002: every scope (the machine, each Parallel branch, each Map processor) needs a StartAt
// that names one of its own states.
import { isObject, keyNodeOf, valueOf } from '../parse/ast';
import { defineRule } from './define-rule';
import { hasPlaceholder } from '../text/placeholders';

export default defineRule({
  code: 'ASL002',
  name: 'invalid-start-at',
  title: 'StartAt missing or unknown',
  description: 'StartAt must be present and name a state of the same scope.',
  category: 'correctness',
  severity: 'error',
  messages: {
    missing: '{{where}} has no StartAt.',
    notString: 'StartAt must be a state name (a string).',
    unknown: 'StartAt names "{{name}}", which is not a state of {{where}}.',
    missingStates: '{{where}} has no States object.',
  },
  documentReadsStructureOnly: true,
  checkDocument(ctx) {
    if (!ctx.model) return;
    for (const scope of ctx.model.scopes) {
      const where = scope.kind === 'root' ? 'The state machine' : scope.kind === 'branch' ? `A branch of "${scope.owner?.name}"` : `The item processor of "${scope.owner?.name}"`;
      // Point at the key that holds the scope (ItemProcessor, Iterator), else its first key, else
      // its `{`: never the whole branch or document. The pointer stays the scope's own.
      const key = scope.kind === 'root' ? undefined : keyNodeOf(scope.node) ?? scope.node.children[0]?.children?.[0];
      const anchor = key ? { offset: key.offset, length: key.length } : { offset: scope.node.offset, length: 1 };
      const startAt = valueOf(scope.node, 'StartAt');
      const states = valueOf(scope.node, 'States');
      if (!isObject(states)) {
        if (states) ctx.report({ messageId: 'missingStates', data: { where }, node: states });
        else ctx.report({ messageId: 'missingStates', data: { where }, node: scope.node, range: anchor });
      }
      if (!startAt) {
        ctx.report({ messageId: 'missing', data: { where }, node: scope.node, range: anchor });
      } else if (!scope.startAt) {
        ctx.report({ messageId: 'notString', node: startAt });
      } else if (scope.statesNode && !scope.states.has(scope.startAt.name) && !isOpaque(scope.startAt.name)) {
        ctx.report({ messageId: 'unknown', data: { name: scope.startAt.name, where: where.replace(/^The/, 'the').replace(/^A /, 'a ') }, node: startAt });
      }
    }
  },
});

/** A deploy-time placeholder names a state we cannot know. */
function isOpaque(name: string): boolean {
  return hasPlaceholder(name);
}
