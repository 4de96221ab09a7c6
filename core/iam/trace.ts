// One step of data flow for values that name a resource: when a Task reads `$.result.Credentials`
// or `$roleArn`, find the Pass state (same scope) or the Assign that wrote it, so a role ARN built
// from a fixed role name two states earlier is still seen as one.
import { propertiesOf, keyOf, stringOf, valueOf, type AstNode } from '../parse/ast';
import { contentKey } from '../parse/content-key';
import { walkScalars } from '../model/payload';
import { baseKey } from '../model/values';
import { derived, derivedFromStates } from '../model/derived';
import type { Scope, State, StateMachine } from '../model/types';
import { classifyValue, patternOf, type ResourceValue } from './resource-value';
import { splitArn } from './arn';

/** `$.a['b'].c` -> `$.a.b.c`. */
function normalizePath(path: string): string {
  return path.replace(/\[['"]([^'"]+)['"]\]/g, '.$1');
}

/** Values that Pass states of the same scope write at `ref` (a JSONPath such as `$.result.role`). */
function passWriters(state: State, ref: string): ResourceValue[] {
  return (passIndexOf(state.scope).get(ref) ?? []).filter((w) => w.writer !== state).map((w) => w.value);
}

interface Written {
  writer: State;
  value: ResourceValue;
}

// Built once per scope (until an edit refreshes it): every lookup after the first is a map read.
function passIndexOf(scope: Scope): Map<string, Written[]> {
  return derivedFromStates(scope, 'passIndex', passPart, () => buildPassIndex(scope));
}

/** What passWrites reads of a Pass state (undefined for other states). */
function passPart(state: State): string | undefined {
  if (state.type !== 'Pass') return undefined;
  return ['ResultPath', 'Parameters', 'Result'].map((field) => contentKey(valueOf(state.node, field))).join('\u0000');
}

/** What assignIndexOf reads of a state: its Assign blocks (undefined when it has none). */
function assignPart(state: State): string | undefined {
  const blocks = assignBlocks(state);
  return blocks.length ? blocks.map(contentKey).join('\u0000') : undefined;
}

/**
 * The part of a state that traceValue reads when it traces another state's value: a Pass
 * state's writes and the state's Assign blocks. Rules that trace declare it (stateReadsStates).
 */
export function traceSourcePart(state: State): string | undefined {
  const pass = passPart(state);
  const assign = assignPart(state);
  return pass === undefined && assign === undefined ? undefined : `${pass ?? ''}\u0001${assign ?? ''}`;
}

function buildPassIndex(scope: Scope): Map<string, Written[]> {
  const index = new Map<string, Written[]>();
  for (const other of scope.list) {
    if (other.type !== 'Pass') continue;
    for (const [written, value] of passWrites(other)) {
      const list = index.get(written) ?? [];
      list.push({ writer: other, value });
      index.set(written, list);
    }
  }
  return index;
}

/** What one Pass state writes: `[JSONPath written, value]` pairs (memoized per state). */
function passWrites(pass: State): readonly [string, ResourceValue][] {
  return derived(pass, 'passWrites', () => {
    const out: [string, ResourceValue][] = [];
    const resultPathNode = valueOf(pass.node, 'ResultPath');
    if (resultPathNode?.type === 'null') return out;
    const resultPath = normalizePath(stringOf(resultPathNode) ?? '$');
    const body = valueOf(pass.node, 'Parameters') ?? valueOf(pass.node, 'Result');
    if (!body) return out;
    walkScalars(body, '', (v) => {
      if (v.key === undefined) return;
      out.push([[resultPath, ...v.path.map(baseKey)].join('.').replace(/^\$\.\$/, '$'), classifyValue(v.key, v.node)]);
    });
    return out;
  });
}

/** Values that Assign blocks anywhere in the machine give the variable `$name`. */
function assignWriters(model: StateMachine, name: string): ResourceValue[] {
  return assignIndexOf(model).get(name) ?? [];
}

function assignIndexOf(model: StateMachine): Map<string, ResourceValue[]> {
  return derivedFromStates(model, 'assignIndex', assignPart, () => buildAssignIndex(model));
}

/** A state's Assign objects: its own, its Choice rules' and its catchers'. */
function assignBlocks(state: State): AstNode[] {
  const node = state.node;
  const blocks = [valueOf(node, 'Assign'), ...(valueOf(node, 'Choices')?.children ?? []).map((c) => valueOf(c, 'Assign')), ...(valueOf(node, 'Catch')?.children ?? []).map((c) => valueOf(c, 'Assign'))];
  return blocks.filter((block): block is AstNode => block !== undefined);
}

function buildAssignIndex(model: StateMachine): Map<string, ResourceValue[]> {
  const index = new Map<string, ResourceValue[]>();
  for (const s of model.states) {
    for (const block of assignBlocks(s)) {
      for (const prop of propertiesOf(block)) {
        if (!prop.children[1]) continue;
        const name = baseKey(keyOf(prop));
        const list = index.get(name) ?? [];
        list.push(classifyValue(keyOf(prop), prop.children[1]));
        index.set(name, list);
      }
    }
  }
  return index;
}

/**
 * What a run-time value that only copies another value may be: the values written there by a
 * Pass state or an Assign. Returns the value itself when it is computed, or no writer is found.
 * @example trace(model, task, value of `RoleArn.$: "$.result.role"`) -> [States.Format('arn:aws:iam::{}:role/Audit', ...)]
 */
export function traceValue(model: StateMachine, state: State, value: ResourceValue): ResourceValue[] {
  const refs = value.references ?? [];
  if (value.kind !== 'runtime' || refs.length !== 1 || (value.template ?? []).length !== 1) return [value];
  const ref = normalizePath(refs[0]);
  const variable = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(ref);
  const writers = variable && !ref.startsWith('$states') ? assignWriters(model, variable[1]) : ref.startsWith('$.') ? passWriters(state, ref) : [];
  return writers.length ? writers : [value];
}

/** The role name when a value is `arn:...:iam::<run time>:role/<fixed name>`. */
export function fixedRoleName(value: ResourceValue): string | undefined {
  const arn = splitArn(patternOf(value));
  return arn && arn.service === 'iam' && arn.resource.startsWith('role/') && !arn.resource.includes('*') ? arn.resource.slice('role/'.length) : undefined;
}
