// The state graph of a model: successors, reachability and cycles, built once per model and
// shared by the structural rules (unreachable states) and the quota rules (loops).
import type { Scope, State, StateMachine } from './types';

export interface StateGraph {
  /** States a state can move to, in its own scope (unknown targets are left out). */
  successors: ReadonlyMap<State, readonly State[]>;
  /** States that can run: reachable from their scope's StartAt, in a scope whose owner can run. */
  reachable: ReadonlySet<State>;
  /** Strongly connected components that form a loop (several states, or one state that targets itself). */
  cycles: readonly (readonly State[])[];
  /** States that can move to a state, in its own scope (the inverse of `successors`). */
  predecessors: ReadonlyMap<State, readonly State[]>;
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

function build(model: StateMachine): StateGraph {
  const successors = new Map<State, State[]>();
  for (const state of model.states) {
    const targets: State[] = [];
    for (const t of state.transitions) {
      const target = state.scope.states.get(t.target);
      if (target && !targets.includes(target)) targets.push(target);
    }
    successors.set(state, targets);
  }
  const predecessors = new Map<State, State[]>(model.states.map((s) => [s, []]));
  for (const [state, targets] of successors) for (const target of targets) predecessors.get(target)!.push(state);
  const reachable = new Set<State>();
  markReachable(model.scope, successors, reachable);
  return { successors, reachable, cycles: findCycles(model.states, successors), predecessors };
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

function markReachable(scope: Scope, successors: Map<State, State[]>, reachable: Set<State>): void {
  const start = scope.startAt && scope.states.get(scope.startAt.name);
  if (!start) return;
  const stack = [start];
  while (stack.length) {
    const state = stack.pop()!;
    if (reachable.has(state)) continue;
    reachable.add(state);
    for (const child of state.children) markReachable(child, successors, reachable);
    for (const next of successors.get(state) ?? []) if (!reachable.has(next)) stack.push(next);
  }
}

/** Tarjan's algorithm without recursion, so 20,000-state documents cannot overflow the stack. */
function findCycles(states: readonly State[], successors: Map<State, State[]>): State[][] {
  const index = new Map<State, number>();
  const low = new Map<State, number>();
  const onStack = new Set<State>();
  const stack: State[] = [];
  const cycles: State[][] = [];
  let counter = 0;
  for (const root of states) {
    if (index.has(root)) continue;
    const work: { state: State; next: number }[] = [{ state: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const targets = successors.get(frame.state) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ state: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.state, Math.min(low.get(frame.state)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].state;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.state)!));
      }
      if (low.get(frame.state) === index.get(frame.state)) {
        const component: State[] = [];
        let member: State;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.state);
        const selfLoop = component.length === 1 && targets.includes(frame.state);
        if (component.length > 1 || selfLoop) cycles.push(component.reverse());
      }
    }
  }
  return cycles;
}
