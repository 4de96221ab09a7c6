// QUO005: a retrier that retries very many times: exponential backoff with no MaxDelaySeconds
// (the waits grow without a cap), no backoff at all (BackoffRate 1 hammers a failing service),
// catch-all errors retried many times, or a worst-case total wait beyond a threshold.
import { isArray, isObject, stringOf, valueOf, type AstNode } from '../parse/ast';
import { defineRule } from './define-rule';

const CATCH_ALL = new Set(['States.ALL', 'States.TaskFailed']);
const ONE_YEAR = 365 * 24 * 3600;

/** A literal number field, or the default when it is absent; undefined when it is a placeholder or expression. */
function numberField(retrier: AstNode, key: string, fallback: number | undefined): number | undefined {
  const node = valueOf(retrier, key);
  if (!node) return fallback;
  return node.type === 'number' && typeof node.value === 'number' ? node.value : undefined;
}

/**
 * Worst-case total of the waits before each retry: the sum of min(interval * rate^k, cap) for
 * k < attempts, in closed form (MaxAttempts may be 99,999,999). A rate below 1 counts as 1.
 * @example worstCaseWait(3, 1, 2, undefined) === 7
 */
export function worstCaseWait(attempts: number, interval: number, rate: number, cap: number | undefined): number {
  if (attempts <= 0 || interval <= 0) return 0;
  const r = Math.max(rate, 1);
  const first = cap !== undefined ? Math.min(interval, cap) : interval;
  if (r === 1) return attempts * first;
  if (cap === undefined) return (interval * (r ** attempts - 1)) / (r - 1);
  // Waits grow until they reach the cap; every later one waits the cap.
  const growing = cap <= interval ? 0 : Math.min(attempts, Math.ceil(Math.log(cap / interval) / Math.log(r)));
  return (interval * (r ** growing - 1)) / (r - 1) + (attempts - growing) * cap;
}

/** `90` -> `1.5 min`; `40000` -> `11.1 h`; `86400` -> `1 day`. */
export function formatDuration(seconds: number): string {
  if (seconds > ONE_YEAR) return 'more than a year';
  const units: [number, string][] = [[86400, 'day'], [3600, 'h'], [60, 'min']];
  for (const [size, unit] of units) {
    if (seconds < size) continue;
    const value = Number((seconds / size).toFixed(1));
    return `${value} ${unit}${unit === 'day' && value !== 1 ? 's' : ''}`;
  }
  return `${Number(seconds.toFixed(1))} s`;
}

export default defineRule({
  code: 'QUO005',
  name: 'retry-storm',
  title: 'Retry storm',
  description: 'A Retry with very many attempts and no MaxDelaySeconds, no backoff, or a huge worst-case total wait.',
  category: 'best-practice',
  severity: 'warning',
  cwe: ['CWE-400', 'CWE-770'],
  options: {
    maxAttempts: {
      type: 'number',
      default: 10,
      description: 'Largest MaxAttempts accepted without MaxDelaySeconds, with BackoffRate 1, or for States.ALL / States.TaskFailed.',
    },
    maxTotalWaitSeconds: {
      type: 'number',
      default: 86400,
      description: 'Largest worst-case total wait (seconds) of one retrier, before the error surfaces; Express workflows use at most 300.',
    },
  },
  messages: {
    uncappedBackoff:
      'Retry on {{errors}} retries up to {{attempts}} times with BackoffRate {{rate}} and no MaxDelaySeconds: the last wait is {{lastWait}} and the worst case is {{total}} of waiting before the error surfaces. Set MaxDelaySeconds or fewer MaxAttempts.',
    noBackoff:
      'Retry on {{errors}} retries up to {{attempts}} times, {{interval}} apart (BackoffRate {{rate}}): a failing service gets hammered by every execution at once. Use BackoffRate 2 with JitterStrategy FULL, or fewer MaxAttempts.',
    catchAll:
      'Retry on {{errors}} retries up to {{attempts}} times: it retries every failure, including ones that will never succeed (bad input, bugs, permissions). Retry specific transient errors, or lower MaxAttempts.',
    longWait:
      'Retry on {{errors}} can wait {{total}} in total across {{attempts}} retries, more than {{limit}}; set MaxDelaySeconds or fewer MaxAttempts.',
  },
  checkState(state, ctx) {
    const retriers = valueOf(state.node, 'Retry');
    if (!isArray(retriers)) return;
    const maxAttempts = typeof ctx.options.maxAttempts === 'number' ? ctx.options.maxAttempts : 10;
    const express = ctx.workflowType === 'EXPRESS';
    const optionWait = typeof ctx.options.maxTotalWaitSeconds === 'number' ? ctx.options.maxTotalWaitSeconds : 86400;
    const limit = express ? Math.min(optionWait, 300) : optionWait;
    for (const retrier of retriers.children) {
      if (!isObject(retrier)) continue;
      const attempts = numberField(retrier, 'MaxAttempts', 3);
      const interval = numberField(retrier, 'IntervalSeconds', 1);
      const rate = numberField(retrier, 'BackoffRate', 2);
      const capNode = valueOf(retrier, 'MaxDelaySeconds');
      const cap = capNode ? numberField(retrier, 'MaxDelaySeconds', undefined) : undefined;
      if (attempts === undefined || interval === undefined || rate === undefined || attempts <= 0) continue;
      const errorList = valueOf(retrier, 'ErrorEquals');
      const names = isArray(errorList) ? errorList.children.map(stringOf).filter((e): e is string => e !== undefined) : [];
      const total = worstCaseWait(attempts, interval, rate, capNode && cap === undefined ? interval : cap);
      let messageId: string | undefined;
      if (attempts > maxAttempts && rate > 1 && !capNode) messageId = 'uncappedBackoff';
      else if (attempts > maxAttempts && rate <= 1) messageId = 'noBackoff';
      else if (attempts > maxAttempts && names.some((n) => CATCH_ALL.has(n))) messageId = 'catchAll';
      else if (total > limit) messageId = 'longWait';
      if (!messageId) continue;
      const data = { errors: names.length ? names.join(', ') : 'errors', attempts, rate, total: formatDuration(total), interval: formatDuration(interval), limit: formatDuration(limit), lastWait: formatDuration(interval * rate ** (attempts - 1)) };
      ctx.report({ messageId, data, node: valueOf(retrier, 'MaxAttempts') ?? retrier });
    }
  },
});
