// Syntax tree -> StateMachine model. Built from whatever parses: missing or mistyped parts are
// skipped here and reported by the rules, so a half-typed document still has a model.
import { isArray, isObject, keyOf, propertiesOf, stringOf, valueOf, type AstNode, type ObjectNode, type PropertyNode } from '../parse/ast';
import { finish } from '../parse/steps';
import type { DocumentFormat } from '../parse';
import { parseResource } from './resource';
import { STATE_TYPES, type QueryLanguage, type Scope, type ScopeKind, type State, type StateMachine, type StateType, type Transition } from './types';

/** States (nested ones too) built between two pauses of buildModelInSteps. */
const STATES_PER_STEP = 256;

/** Builds the model, or returns undefined when the root is not an object. */
export function buildModel(root: AstNode | undefined, format: DocumentFormat): StateMachine | undefined {
  return finish(buildModelInSteps(root, format));
}

/**
 * The same build in steps: it pauses after every few states, nested ones included, so one Map or
 * Parallel holding a huge number of states is not built in one go (documents far above the 1 MB limit).
 */
export function* buildModelInSteps(root: AstNode | undefined, format: DocumentFormat): Generator<void, StateMachine | undefined> {
  if (!isObject(root)) return undefined;
  const queryLanguage: QueryLanguage = stringOf(valueOf(root, 'QueryLanguage')) === 'JSONata' ? 'JSONata' : 'JSONPath';
  const states: State[] = [];
  const scopes: Scope[] = [];
  const scope = newScope(root, 'root', undefined, scopes);
  for (const prop of propertiesOf(scope.statesNode)) yield* addToScope(prop, scope, queryLanguage, states, scopes);
  return { format, root, queryLanguage, scope, states, scopes, memo: undefined };
}

/**
 * One state and what is nested in it, built as buildModel would inside `scope` (which is not
 * changed): the state first, then nested states and scopes in document order.
 */
export function buildSubtree(name: string, keyNode: AstNode, node: ObjectNode, scope: Scope, machineLanguage: QueryLanguage): { states: State[]; scopes: Scope[] } {
  const states: State[] = [];
  const scopes: Scope[] = [];
  finish(addState(name, keyNode, node, scope, machineLanguage, states, scopes));
  return { states, scopes };
}

function* buildScope(node: ObjectNode, kind: ScopeKind, owner: State | undefined, machineLanguage: QueryLanguage, all: State[], scopes: Scope[]): Generator<void, Scope> {
  const scope = newScope(node, kind, owner, scopes);
  for (const prop of propertiesOf(scope.statesNode)) yield* addToScope(prop, scope, machineLanguage, all, scopes);
  return scope;
}

/** A scope without its states yet, listed in `scopes`. */
function newScope(node: ObjectNode, kind: ScopeKind, owner: State | undefined, scopes: Scope[]): Scope {
  const startAtNode = valueOf(node, 'StartAt');
  const startAtName = stringOf(startAtNode);
  const statesNode = valueOf(node, 'States');
  const scope: Scope = {
    kind,
    node,
    owner,
    startAt: startAtNode && startAtName !== undefined ? { name: startAtName, node: startAtNode } : undefined,
    statesNode: isObject(statesNode) ? statesNode : undefined,
    states: new Map(),
    list: [],
    memo: undefined,
  };
  scopes.push(scope);
  return scope;
}

/** Adds the state a `States` property holds (nothing when its value is not an object). */
function* addToScope(prop: PropertyNode, scope: Scope, machineLanguage: QueryLanguage, all: State[], scopes: Scope[]): Generator<void, void> {
  const stateNode = prop.children[1];
  if (!isObject(stateNode)) return;
  const state = yield* addState(keyOf(prop), prop.children[0], stateNode, scope, machineLanguage, all, scopes);
  scope.states.set(state.name, state);
  scope.list.push(state);
}

function* addState(name: string, keyNode: AstNode, node: ObjectNode, scope: Scope, machineLanguage: QueryLanguage, all: State[], scopes: Scope[]): Generator<void, State> {
  const state = buildState(name, keyNode, node, scope, machineLanguage, all.length);
  all.push(state);
  if (all.length % STATES_PER_STEP === 0) yield;
  for (const child of childScopes(state)) {
    state.children.push(yield* buildScope(child.node, child.kind, state, machineLanguage, all, scopes));
  }
  return state;
}

function buildState(name: string, keyNode: AstNode, node: ObjectNode, scope: Scope, machineLanguage: QueryLanguage, index: number): State {
  const typeValue = stringOf(valueOf(node, 'Type'));
  const type = (STATE_TYPES as readonly string[]).includes(typeValue ?? '') ? (typeValue as StateType) : undefined;
  const own = stringOf(valueOf(node, 'QueryLanguage'));
  const queryLanguage: QueryLanguage = own === 'JSONata' || own === 'JSONPath' ? own : machineLanguage;
  const resourceNode = valueOf(node, 'Resource');
  const resourceText = stringOf(resourceNode);
  return {
    name,
    keyNode,
    node,
    scope,
    type,
    queryLanguage,
    transitions: transitionsOf(node),
    end: valueOf(node, 'End')?.value === true,
    resource: type === 'Task' && resourceNode && resourceText !== undefined ? parseResource(resourceText, resourceNode) : undefined,
    children: [],
    index,
    memo: undefined,
  };
}

function transitionsOf(node: ObjectNode): Transition[] {
  const out: Transition[] = [];
  const add = (kind: Transition['kind'], target: AstNode | undefined) => {
    const name = stringOf(target);
    if (target && name !== undefined) out.push({ kind, target: name, node: target });
  };
  add('Next', valueOf(node, 'Next'));
  add('Default', valueOf(node, 'Default'));
  const choices = valueOf(node, 'Choices');
  if (isArray(choices)) for (const rule of choices.children) add('Choice', valueOf(rule, 'Next'));
  const catchers = valueOf(node, 'Catch');
  if (isArray(catchers)) for (const catcher of catchers.children) add('Catch', valueOf(catcher, 'Next'));
  return out;
}

function childScopes(state: State): { node: ObjectNode; kind: ScopeKind }[] {
  if (state.type === 'Parallel') {
    const branches = valueOf(state.node, 'Branches');
    return isArray(branches) ? branches.children.filter(isObject).map((node) => ({ node, kind: 'branch' as const })) : [];
  }
  if (state.type === 'Map') {
    const processor = valueOf(state.node, 'ItemProcessor');
    if (isObject(processor)) return [{ node: processor, kind: 'item-processor' }];
    const iterator = valueOf(state.node, 'Iterator');
    if (isObject(iterator)) return [{ node: iterator, kind: 'iterator' }];
  }
  return [];
}
