// Task `Resource` strings -> service, action and integration pattern.
import type { AstNode } from '../parse/ast';
import type { IntegrationPattern, TaskResource } from './types';
import { isJsonata, hasPlaceholder } from './values';
import { hidePlaceholders } from '../text/placeholders';

const STATES_SERVICE = /^arn:([^:]+):states:([^:]*):([^:]*):(.*)$/;
const LAMBDA_FUNCTION = /^arn:([^:]+):lambda:([^:]*):([^:]*):function:(.+)$/;

/**
 * Splits a Task Resource into its parts.
 * @example parseResource('arn:aws:states:::aws-sdk:ssm:getParameter').action === 'getParameter'
 * @example parseResource('arn:aws:states:::ecs:runTask.sync').pattern === 'sync'
 */
export function parseResource(raw: string, node: AstNode): TaskResource {
  if (isJsonata(raw)) return { raw, node, kind: 'expression', pattern: 'request-response' };
  // `${AWS::Region}` holds colons: hide placeholders while splitting, then put them back.
  if (!hasPlaceholder(raw)) return parseMasked(raw, raw, node);
  const { hidden, restore: put } = hidePlaceholders(raw);
  const parsed = parseMasked(hidden, raw, node);
  const restore = (s: string | undefined) => (s === undefined ? s : put(s));
  return { ...parsed, partition: restore(parsed.partition), region: restore(parsed.region), account: restore(parsed.account), service: restore(parsed.service), action: restore(parsed.action), name: restore(parsed.name) };
}

function parseMasked(masked: string, raw: string, node: AstNode): TaskResource {
  const lambda = LAMBDA_FUNCTION.exec(masked);
  if (lambda) {
    return { raw, node, kind: 'lambda-function', partition: lambda[1], region: lambda[2], account: lambda[3], service: 'lambda', action: 'invoke', name: lambda[4], pattern: 'request-response' };
  }
  const states = STATES_SERVICE.exec(masked);
  if (states) {
    const [, partition, region, account, rest] = states;
    if (rest.startsWith('activity:')) {
      return { raw, node, kind: 'activity', partition, region, account, service: 'states', action: 'activity', name: rest.slice('activity:'.length), pattern: 'waitForTaskToken' };
    }
    const { base, pattern } = splitPattern(rest);
    const parts = base.split(':');
    if (parts[0] === 'aws-sdk' && parts.length >= 3) {
      return { raw, node, kind: 'aws-sdk', partition, region, account, service: parts[1], action: parts.slice(2).join(':'), pattern };
    }
    if (parts[0] === 'http' && parts[1] === 'invoke') {
      return { raw, node, kind: 'http', partition, region, account, service: 'http', action: 'invoke', pattern };
    }
    if (parts.length >= 2 && parts[0] && parts[1]) {
      return { raw, node, kind: 'optimized', partition, region, account, service: parts[0], action: parts.slice(1).join(':'), pattern };
    }
  }
  if (hasPlaceholder(raw)) return { raw, node, kind: 'placeholder', pattern: placeholderPattern(raw) };
  return { raw, node, kind: 'unknown', pattern: 'request-response' };
}

function splitPattern(rest: string): { base: string; pattern: IntegrationPattern } {
  if (rest.endsWith('.waitForTaskToken')) return { base: rest.slice(0, -'.waitForTaskToken'.length), pattern: 'waitForTaskToken' };
  if (rest.endsWith('.sync:2')) return { base: rest.slice(0, -'.sync:2'.length), pattern: 'sync:2' };
  if (rest.endsWith('.sync')) return { base: rest.slice(0, -'.sync'.length), pattern: 'sync' };
  return { base: rest, pattern: 'request-response' };
}

/** `${Arn}.waitForTaskToken` still says how the task waits. */
function placeholderPattern(raw: string): IntegrationPattern {
  return splitPattern(raw).pattern;
}
