// The state graph of a model: successors, reachability and cycles, built once per model and
// shared by the structural rules (unreachable states) and the quota rules (loops).
import type { Scope, State, StateMachine } from './types';

/** Something known per state of one model, read by state (backed by an array indexed by `State.index`). */
export interface PerState<T> {
  get(state: State): T | undefined;
}

/** A set of states of one model (backed by flags indexed by `State.index`). */
export interface StateSet {
  has(state: State): boolean;
  readonly size: number;
}

export interface StateGraph {
  /** States a state can move to, in its own scope (unknown targets are left out). */
  successors: PerState<readonly State[]>;
  /** States that can run: reachable from their scope's StartAt, in a scope whose owner can run. */
  reachable: StateSet;
  /** Strongly connected components that form a loop (several states, or one state that targets itself). */
  cycles: readonly (readonly State[])[];
  /** States that can move to a state, in its own scope (the inverse of `successors`). */
  predecessors: PerState<readonly State[]>;
}

const cache = new WeakMap<StateMachine, StateGraph>();

/** The graph of a model, computed on first use and cached for that model. */
export function graphOf(model: StateMachine): StateGraph {
  let graph = cache.get(model);
  if (!graph) {
    graph = build(model);
    cache.set(model, graph);
  }
  return graph;
}

// Maps keyed by State objects cost most of the time at 20,000 states; arrays by index do not.
function build(model: StateMachine): StateGraph {
  const states = model.states;
  const successors: State[][] = new Array(states.length);
  const predecessors: State[][] = new Array(states.length);
  for (let i = 0; i < states.length; i++) predecessors[i] = [];
  for (let i = 0; i < states.length; i++) {
    const state = states[i];
    const targets: State[] = [];
    for (const t of state.transitions) {
      const target = state.scope.states.get(t.target);
      if (target && !targets.includes(target)) targets.push(target);
    }
    successors[i] = targets;
    for (const target of targets) predecessors[target.index].push(state);
  }
  const reachable = new Uint8Array(states.length);
  markReachable(model.scope, successors, reachable);
  let size = 0;
  for (let i = 0; i < reachable.length; i++) size += reachable[i];
  return {
    successors: { get: (state) => successors[state.index] },
    predecessors: { get: (state) => predecessors[state.index] },
    reachable: { has: (state) => reachable[state.index] === 1, size },
    cycles: findCycles(states, successors),
  };
}

/**
 * States that may run before `state` in the same execution: its predecessors, transitively, and
 * (for a state inside a Parallel branch or Map processor) the owner state and everything before it.
 * Includes `state` itself only when it sits in a loop.
 * @example precedingStates(graph, restart).has(checkDepthChoice)
 */
export function precedingStates(graph: StateGraph, state: State): Set<State> {
  const seen = new Set<State>();
  const stack: State[] = [...(graph.predecessors.get(state) ?? [])];
  if (state.scope.owner) stack.push(state.scope.owner);
  while (stack.length) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const previous of graph.predecessors.get(current) ?? []) if (!seen.has(previous)) stack.push(previous);
    if (current.scope.owner && !seen.has(current.scope.owner)) stack.push(current.scope.owner);
  }
  return seen;
}

function markReachable(scope: Scope, successors: readonly State[][], reachable: Uint8Array): void {
  const start = scope.startAt && scope.states.get(scope.startAt.name);
  if (!start) return;
  const stack = [start];
  while (stack.length) {
    const state = stack.pop()!;
    if (reachable[state.index]) continue;
    reachable[state.index] = 1;
    for (const child of state.children) markReachable(child, successors, reachable);
    for (const next of successors[state.index]) if (!reachable[next.index]) stack.push(next);
  }
}

/**
 * Tarjan's algorithm without recursion, so 20,000-state documents cannot overflow the stack.
 * Per-state bookkeeping lives in typed arrays indexed by `State.index` (Maps cost most of the time).
 */
function findCycles(states: readonly State[], successors: readonly State[][]): State[][] {
  const UNSEEN = -1;
  const index = new Int32Array(states.length).fill(UNSEEN);
  const low = new Int32Array(states.length);
  const onStack = new Uint8Array(states.length);
  const stack: State[] = [];
  const cycles: State[][] = [];
  let counter = 0;
  const visit = (state: State) => {
    index[state.index] = low[state.index] = counter++;
    stack.push(state);
    onStack[state.index] = 1;
  };
  for (const root of states) {
    if (index[root.index] !== UNSEEN) continue;
    const work: { state: State; next: number }[] = [{ state: root, next: 0 }];
    visit(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const at = frame.state.index;
      const targets = successors[at];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (index[target.index] === UNSEEN) {
          visit(target);
          work.push({ state: target, next: 0 });
        } else if (onStack[target.index]) {
          low[at] = Math.min(low[at], index[target.index]);
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].state.index;
        low[parent] = Math.min(low[parent], low[at]);
      }
      if (low[at] === index[at]) {
        const component: State[] = [];
        let member: State;
        do {
          member = stack.pop()!;
          onStack[member.index] = 0;
          component.push(member);
        } while (member !== frame.state);
        const selfLoop = component.length === 1 && targets.includes(frame.state);
        if (component.length > 1 || selfLoop) cycles.push(component.reverse());
      }
    }
  }
  return cycles;
}
