// Where integrations put credentials: HTTP Task headers, query parameters and endpoint, and
// container/job environment overrides (ECS, Batch, CodeBuild, Glue, EKS). SEC004 and SEC005 own
// these places; SEC001, SEC003 and SEC006 ask here so one problem gives one finding.
import { isArray, isObject, keyOf, propertiesOf, propertyOf, stringOf, valueOf, type AstNode, type ObjectNode } from '../parse/ast';
import { baseKey } from '../model/values';
import type { State } from '../model/types';
import { classifyName } from './secret-keys';

/** The payload object of a Task (`Parameters` or `Arguments`), when it is an object. */
export function taskPayload(state: State): { field: 'Parameters' | 'Arguments'; node: ObjectNode } | undefined {
  for (const field of ['Arguments', 'Parameters'] as const) {
    const node = valueOf(state.node, field);
    if (isObject(node)) return { field, node };
  }
  return undefined;
}

export interface HttpTaskParts {
  field: 'Parameters' | 'Arguments';
  /** The `ApiEndpoint` / `ApiEndpoint.$` property's key and value. */
  endpoint?: { key: string; keyNode: AstNode; node: AstNode };
  headers?: { key: string; node: AstNode };
  query?: { key: string; node: AstNode };
  /** `Authentication.ConnectionArn` or `InvocationConfig.ConnectionArn` is present. */
  hasConnection: boolean;
}

/** The parts of an HTTP Task (`arn:aws:states:::http:invoke`), or undefined for other states. */
export function httpTaskParts(state: State): HttpTaskParts | undefined {
  if (state.resource?.kind !== 'http') return undefined;
  const payload = taskPayload(state);
  if (!payload) return undefined;
  const find = (name: string) => {
    for (const key of [name, `${name}.$`]) {
      const prop = propertyOf(payload.node, key);
      if (prop?.children[1]) return { key, keyNode: prop.children[0], node: prop.children[1] };
    }
    return undefined;
  };
  const connection = ['Authentication', 'InvocationConfig'].some((f) => {
    const o = valueOf(payload.node, f);
    return !!(valueOf(o, 'ConnectionArn') ?? valueOf(o, 'ConnectionArn.$'));
  });
  return { field: payload.field, endpoint: find('ApiEndpoint'), headers: find('Headers'), query: find('QueryParameters'), hasConnection: connection };
}

/** Value nodes SEC004/SEC007 own in an HTTP Task: Headers, QueryParameters and ApiEndpoint subtrees. */
export function httpOwnedNodes(state: State): AstNode[] {
  const parts = httpTaskParts(state);
  if (!parts) return [];
  return [parts.endpoint?.node, parts.headers?.node, parts.query?.node].filter((n): n is AstNode => !!n);
}

export type EnvService = 'ecs' | 'batch' | 'codebuild' | 'glue' | 'eks';

export interface EnvEntry {
  service: EnvService;
  /** The variable or argument name, dashes stripped (`DB_PASSWORD`, `password`). */
  name: string;
  /** The name as written (`DB_PASSWORD`, `--password`). */
  label: string;
  /** The node holding the name (the `Name` value, or the property key for map forms). */
  nameNode: AstNode;
  /** The value node and the key it sits under (`Value`, `Value.$`, `--password.$`). */
  valueNode: AstNode;
  valueKey: string;
  /** CodeBuild: PARAMETER_STORE / SECRETS_MANAGER values are names, not secrets. */
  reference: boolean;
  /** Where in the payload: `ContainerOverrides[0].Environment`, `Arguments`. */
  where: string;
}

const ENV_ARRAYS = new Set(['Environment', 'EnvironmentVariables', 'EnvironmentVariablesOverride', 'env']);
const ENV_SERVICES = new Set<string>(['ecs', 'batch', 'codebuild', 'glue', 'eks']);

/**
 * Environment variables and job arguments a Task passes to a container or job: ECS
 * `Overrides.ContainerOverrides[].Environment`, Batch `ContainerOverrides.Environment` (and node /
 * ECS-properties overrides), CodeBuild `EnvironmentVariablesOverride`, EKS `env`, Glue `Arguments`.
 */
export function containerEnvEntries(state: State): EnvEntry[] {
  const service = state.resource?.service;
  if (!service || !ENV_SERVICES.has(service) || (state.resource?.kind !== 'optimized' && state.resource?.kind !== 'aws-sdk')) return [];
  const payload = taskPayload(state);
  if (!payload) return [];
  const out: EnvEntry[] = [];
  if (service === 'glue') {
    const args = valueOf(payload.node, 'Arguments');
    for (const prop of propertiesOf(args)) {
      const key = keyOf(prop);
      if (prop.children[1]) out.push({ service, name: baseKey(key).replace(/^-+/, ''), label: baseKey(key), nameNode: prop.children[0], valueNode: prop.children[1], valueKey: key, reference: false, where: 'Arguments' });
    }
    return out;
  }
  const stack: { node: AstNode; where: string }[] = [{ node: payload.node, where: '' }];
  while (stack.length) {
    const { node, where } = stack.pop()!;
    for (const prop of propertiesOf(node)) {
      const key = keyOf(prop);
      const value = prop.children[1];
      const here = where ? `${where}.${key}` : key;
      if (ENV_ARRAYS.has(key) && isArray(value)) {
        value.children.forEach((item, i) => {
          const entry = envItem(service as EnvService, item, `${here}[${i}]`);
          if (entry) out.push(entry);
        });
      } else if (isObject(value)) {
        stack.push({ node: value, where: here });
      } else if (isArray(value)) {
        value.children.forEach((item, i) => isObject(item) && stack.push({ node: item, where: `${here}[${i}]` }));
      }
    }
  }
  return out;
}

function envItem(service: EnvService, item: AstNode, where: string): EnvEntry | undefined {
  const nameProp = propertyOf(item, 'Name') ?? propertyOf(item, 'name');
  const name = stringOf(nameProp?.children[1]);
  if (!nameProp?.children[1] || name === undefined) return undefined;
  for (const key of ['Value', 'Value.$', 'value', 'value.$']) {
    const valueNode = valueOf(item, key);
    if (!valueNode) continue;
    const type = stringOf(valueOf(item, 'Type'));
    return { service, name, label: name, nameNode: nameProp.children[1], valueNode, valueKey: key, reference: type === 'PARAMETER_STORE' || type === 'SECRETS_MANAGER', where };
  }
  return undefined;
}

/** Env entries whose name says they hold a secret: SEC005's, so other rules leave their values alone. */
export function secretEnvEntries(state: State): EnvEntry[] {
  return containerEnvEntries(state).filter((e) => !e.reference && classifyName(e.name) !== undefined);
}

/** True when `node` lies inside any of `owners`. */
export function insideAny(node: AstNode, owners: readonly AstNode[]): boolean {
  return owners.some((o) => node.offset >= o.offset && node.offset + node.length <= o.offset + o.length);
}
