// QUO001: a Task that waits for someone else (a `.waitForTaskToken` callback or an activity worker)
// with no HeartbeatSeconds or TimeoutSeconds waits until the 99,999,999-second default task
// timeout, i.e. up to the one-year execution limit. In Express workflows such tasks are not supported.
import { valueOf, type AstNode } from '../parse/ast';
import type { State } from '../model/types';
import { defineRule } from './define-rule';

/** A literal timeout this long bounds nothing: a Standard execution ends after one year anyway. */
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The field is present with a value that bounds the wait (a path, JSONata or placeholder counts). */
function bounds(node: AstNode | undefined): boolean {
  if (!node) return false;
  return !(node.type === 'number' && typeof node.value === 'number' && node.value >= ONE_YEAR_SECONDS);
}

function hasTimeout(state: State): boolean {
  return bounds(valueOf(state.node, 'TimeoutSeconds')) || bounds(valueOf(state.node, 'TimeoutSecondsPath'));
}

function hasHeartbeat(state: State): boolean {
  return bounds(valueOf(state.node, 'HeartbeatSeconds')) || bounds(valueOf(state.node, 'HeartbeatSecondsPath'));
}

export default defineRule({
  code: 'QUO001',
  name: 'callback-without-heartbeat',
  title: 'Callback without heartbeat or timeout',
  description: 'A .waitForTaskToken or activity task without HeartbeatSeconds or TimeoutSeconds waits up to a year; in an Express workflow such tasks are not supported at all.',
  category: 'best-practice',
  severity: 'warning',
  cwe: ['CWE-400', 'CWE-770'],
  options: {
    requireTimeout: {
      type: 'boolean',
      default: false,
      description: 'Also report a task that sets HeartbeatSeconds but no TimeoutSeconds (a worker that keeps sending heartbeats can hold it for a year).',
    },
  },
  messages: {
    noTimeout:
      'Task "{{name}}" waits for {{waitsFor}} with no HeartbeatSeconds or TimeoutSeconds: if the answer never comes, the execution waits until the default task timeout of 99,999,999 seconds, in practice the one-year execution limit. Set HeartbeatSeconds (and TimeoutSeconds).',
    heartbeatOnly:
      'Task "{{name}}" waits for {{waitsFor}} with HeartbeatSeconds but no TimeoutSeconds: a worker that keeps sending heartbeats can hold it until the one-year execution limit. Set TimeoutSeconds as well.',
    expressUnsupported:
      'Task "{{name}}" uses {{pattern}}, which Express workflows do not support (they allow only Request Response integrations and no activities); use a Standard workflow or a Request Response integration.',
  },
  checkState(state, ctx) {
    const resource = state.resource;
    if (state.type !== 'Task' || !resource) return;
    const activity = resource.kind === 'activity';
    if (ctx.workflowType === 'EXPRESS') {
      if (!activity && resource.pattern === 'request-response') return;
      const pattern = activity ? 'an activity' : `the ${resource.pattern === 'waitForTaskToken' ? '.waitForTaskToken (callback)' : `.${resource.pattern} (run a job)`} integration pattern`;
      ctx.report({ messageId: 'expressUnsupported', data: { name: state.name, pattern }, node: resource.node, severity: 'error' });
      return;
    }
    if (resource.pattern !== 'waitForTaskToken') return;
    // The whole execution's own TimeoutSeconds also ends the wait.
    if (hasTimeout(state) || bounds(valueOf(ctx.model.root, 'TimeoutSeconds'))) return;
    const waitsFor = activity ? 'an activity worker' : 'a task token (.waitForTaskToken)';
    if (!hasHeartbeat(state)) ctx.report({ messageId: 'noTimeout', data: { name: state.name, waitsFor }, node: resource.node });
    else if (ctx.options.requireTimeout === true) ctx.report({ messageId: 'heartbeatOnly', data: { name: state.name, waitsFor }, node: resource.node });
  },
});
