// Finds the values of the integration table's resource parameters in a state: the one place where
// the IAM rules (IAM001/IAM002), the policy generator and the CodeLens read which resources a
// state touches.
import { isArray, isObject, keyOf, propertiesOf, propertyOf, stringOf, valueOf, type AstNode } from '../parse/ast';
import { parseResource } from '../model/resource';
import { isJsonata } from '../model/values';
import type { State, TaskResource } from '../model/types';
import { derived } from '../model/derived';
import { classifyValue, patternOf, type ResourceValue } from './resource-value';
import { findIntegration, findMapIntegration } from './integrations';
import type { Integration, ResourceParam, TaskView } from './types';

/** Where the resource parameters sit. */
export type UseField = 'Parameters' | 'Arguments' | 'Resource' | 'ItemReader' | 'ResultWriter';

/** One value of one resource parameter in one state. */
export interface ResourceUse {
  state: State;
  integration: Integration;
  param: ResourceParam;
  field: UseField;
  value: ResourceValue;
}

/** A place in a state that calls an integration: the Task itself, or a Map's reader/writer. */
export interface IntegrationSite {
  state: State;
  integration: Integration | undefined;
  resource: TaskResource;
  field: UseField;
  /** The Parameters/Arguments node (or the whole JSONata string) holding the parameters. */
  payload: AstNode | undefined;
}

/** The Task's integration and each Map reader/writer, in that order. */
export function integrationSites(state: State): IntegrationSite[] {
  const sites: IntegrationSite[] = [];
  if (state.type === 'Task' && state.resource) {
    const payload = valueOf(state.node, 'Arguments') ?? valueOf(state.node, 'Parameters');
    sites.push({ state, integration: findIntegration(state.resource), resource: state.resource, field: payloadField(state.node), payload });
  }
  if (state.type === 'Map') {
    for (const field of ['ItemReader', 'ResultWriter'] as const) {
      const holder = valueOf(state.node, field);
      const resourceNode = valueOf(holder, 'Resource');
      const text = stringOf(resourceNode);
      if (!resourceNode || text === undefined) continue;
      const resource = parseResource(text, resourceNode);
      sites.push({ state, integration: findMapIntegration(resource, field), resource, field, payload: valueOf(holder, 'Arguments') ?? valueOf(holder, 'Parameters') });
    }
  }
  return sites;
}

function payloadField(node: AstNode): UseField {
  return propertyOf(node, 'Arguments') ? 'Arguments' : 'Parameters';
}

/**
 * The values at a parameter path: `FunctionName`, `Entries[].EventBusName` (each array item),
 * `RequestItems{}` (each object key). A `.$` key or a JSONata string on the way makes the value
 * a run-time value. An absent parameter gives no value.
 */
export function valuesAt(payload: AstNode | undefined, path: string, onMissing?: () => void): ResourceValue[] {
  if (!payload) {
    onMissing?.();
    return [];
  }
  let current: AstNode[] = [payload];
  const out: ResourceValue[] = [];
  const segments = path.split('.');
  for (let i = 0; i < segments.length && current.length; i++) {
    const m = /^(.*?)(\[\]|\{\})?$/.exec(segments[i])!;
    const [name, suffix] = [m[1], m[2]];
    const last = i === segments.length - 1;
    const next: AstNode[] = [];
    for (const node of current) {
      if (node.type === 'string' && isJsonata(node.value as string)) {
        out.push(classifyValue('', node));
        continue;
      }
      const dynamic = propertyOf(node, `${name}.$`);
      const prop = dynamic ?? propertyOf(node, name);
      const value = prop?.children?.[1];
      if (!prop || !value) {
        onMissing?.();
        continue;
      }
      const key = keyOf(prop);
      if (dynamic || (value.type === 'string' && isJsonata(value.value as string))) {
        out.push(classifyValue(key, value));
      } else if (suffix === '[]') {
        if (isArray(value)) for (const item of value.children) (last ? out.push(classifyValue(name, item)) : next.push(item));
      } else if (suffix === '{}') {
        for (const p of propertiesOf(value)) out.push(classifyValue(keyOf(p).endsWith('.$') ? '' : keyOf(p), p.children[0]));
      } else if (last) {
        out.push(classifyValue(key, value));
      } else if (isObject(value)) {
        next.push(value);
      }
    }
    current = next;
  }
  return out;
}

/** The resource values a site uses, per parameter of its table row. */
export function siteUses(site: IntegrationSite): ResourceUse[] {
  const { integration, state } = site;
  if (!integration) return [];
  const uses: ResourceUse[] = [];
  for (const param of integration.params) {
    const values = param.path === '@Resource' ? [classifyValue('Resource', site.resource.node)] : valuesAt(site.payload, param.path);
    for (const value of values) uses.push({ state, integration, param, field: param.path === '@Resource' ? 'Resource' : site.field, value });
  }
  return uses;
}

/**
 * Every resource value a state uses (Task parameters, Map reader/writer buckets).
 * @example resourceUses(stateWith({ Resource: 'arn:aws:states:::sns:publish', Parameters: { 'TopicArn.$': '$.t' } }))[0].value.kind === 'runtime'
 */
export function resourceUses(state: State): readonly ResourceUse[] {
  return derived(state, 'resourceUses', () => integrationSites(state).flatMap(siteUses));
}

/** What the table's `grants` may ask about a site. */
export function taskView(site: IntegrationSite): TaskView {
  const first = (path: string) => valuesAt(site.payload, path)[0];
  return {
    pattern: site.resource.pattern,
    has: (path) => first(path) !== undefined,
    literal: (path) => {
      const v = first(path);
      return v && (v.kind === 'literal' || v.kind === 'wildcard') ? v.text : undefined;
    },
    shape: (path) => {
      const v = first(path);
      return v && v.kind !== 'unknown' ? patternOf(v) : undefined;
    },
  };
}

/** The value of `Credentials.RoleArn` (with or without `.$`, or JSONata). */
export function credentialsRole(state: State): ResourceValue | undefined {
  return derived(state, 'credentialsRole', () => valuesAt(valueOf(state.node, 'Credentials'), 'RoleArn')[0]);
}

/** How a finding names the parameter: `FunctionName`, `Entries[].EventBusName`, `ItemReader.Bucket`. */
export function paramLabel(use: ResourceUse): string {
  const path = use.param.path === '@Resource' ? 'Resource' : use.param.path.replace(/\{\}/g, '');
  return use.field === 'ItemReader' || use.field === 'ResultWriter' ? `${use.field}.${path}` : path;
}
