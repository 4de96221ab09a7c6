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
  const reachable = new Set<State>();
  markReachable(model.scope, successors, reachable);
  return { successors, reachable, cycles: findCycles(model.states, successors) };
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
