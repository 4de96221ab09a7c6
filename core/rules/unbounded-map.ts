// QUO003: a Map with no concurrency limit (MaxConcurrency missing or 0 = no limit: up to 40
// iterations inline, up to 10,000 child executions distributed), and a Distributed Map whose
// tolerated-failure threshold lets every child fail.
import { isObject, stringOf, valueOf, type AstNode } from '../parse/ast';
import type { State } from '../model/types';
import { defineRule } from './define-rule';

/** The field is set to something that limits (a number other than 0, a path, JSONata, a placeholder). */
function limits(node: AstNode | undefined): boolean {
  return !!node && !(node.type === 'number' && node.value === 0) && node.type !== 'null';
}

function isDistributed(state: State): boolean {
  const processor = valueOf(state.node, 'ItemProcessor');
  const config = isObject(processor) ? valueOf(processor, 'ProcessorConfig') : undefined;
  return stringOf(valueOf(config, 'Mode')) === 'DISTRIBUTED';
}

export default defineRule({
  code: 'QUO003',
  name: 'unbounded-map',
  title: 'Unbounded Map',
  description: 'A Map without MaxConcurrency runs as many iterations at once as Step Functions allows; a Distributed Map that tolerates (nearly) all failures never stops a broken run.',
  category: 'best-practice',
  severity: 'warning',
  cwe: ['CWE-770', 'CWE-400'],
  options: {
    inlineMaps: {
      type: 'boolean',
      default: true,
      description: 'Report inline Map states without MaxConcurrency (they run up to 40 iterations at once).',
    },
    maxToleratedFailurePercentage: {
      type: 'number',
      default: 99,
      description: 'Largest ToleratedFailurePercentage accepted on a Distributed Map without a ToleratedFailureCount (100 = no limit).',
    },
    requireToleratedFailure: {
      type: 'boolean',
      default: false,
      description: 'Also report a Distributed Map that sets neither ToleratedFailurePercentage nor ToleratedFailureCount (AWS then fails the Map Run on the first failed item).',
    },
  },
  messages: {
    inlineNoConcurrency:
      'Map "{{name}}" has no MaxConcurrency{{zero}}: its iterations all run in parallel, up to 40 at a time, against whatever they call. Set MaxConcurrency to what the downstream service can take.',
    distributedNoConcurrency:
      'Distributed Map "{{name}}" has no MaxConcurrency{{zero}}: it runs up to 10,000 child workflow executions at once, which can exhaust Lambda concurrency, API rate limits and the account\'s execution quotas. Set MaxConcurrency.',
    toleratesAllFailures:
      'Distributed Map "{{name}}" tolerates {{percentage}}% failed items and sets no ToleratedFailureCount: when every child workflow fails, the run still starts one for {{share}} before it stops. Lower ToleratedFailurePercentage (at most {{max}}) or add ToleratedFailureCount.',
    noFailureThreshold:
      'Distributed Map "{{name}}" sets neither ToleratedFailurePercentage nor ToleratedFailureCount; set the failure threshold the run can accept explicitly.',
  },
  checkState(state, ctx) {
    if (state.type !== 'Map') return;
    const distributed = isDistributed(state);
    const concurrency = valueOf(state.node, 'MaxConcurrency');
    if (!limits(concurrency) && !limits(valueOf(state.node, 'MaxConcurrencyPath'))) {
      if (distributed || ctx.options.inlineMaps !== false) {
        ctx.report({
          messageId: distributed ? 'distributedNoConcurrency' : 'inlineNoConcurrency',
          data: { name: state.name, zero: concurrency ? ' (0 means no limit)' : '' },
          node: concurrency ?? state.keyNode,
        });
      }
    }
    if (!distributed) return;
    const percentage = valueOf(state.node, 'ToleratedFailurePercentage');
    const hasCount = !!valueOf(state.node, 'ToleratedFailureCount') || !!valueOf(state.node, 'ToleratedFailureCountPath');
    const max = typeof ctx.options.maxToleratedFailurePercentage === 'number' ? ctx.options.maxToleratedFailurePercentage : 99;
    if (percentage?.type === 'number' && typeof percentage.value === 'number' && percentage.value > max && !hasCount) {
      ctx.report({ messageId: 'toleratesAllFailures', data: { name: state.name, percentage: percentage.value, max, share: percentage.value >= 100 ? 'every item' : `${percentage.value}% of the items` }, node: percentage });
    } else if (ctx.options.requireToleratedFailure === true && !percentage && !valueOf(state.node, 'ToleratedFailurePercentagePath') && !hasCount) {
      ctx.report({ messageId: 'noFailureThreshold', data: { name: state.name }, node: state.keyNode });
    }
  },
});
