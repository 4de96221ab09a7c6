// Per-object memo for facts derived from a model object's content (a state's resource uses, its
// suppression keys, a scope's Pass index). An incremental analysis keeps the State and Scope
// objects an edit did not touch, so their entries stay valid; it forgets the ones it refreshes.
// Scope and model facts that read only some states say which (derivedFromStates), so an edit of
// another state keeps them. (The state graph is cached apart, in graph.ts: it depends on
// structure only.) The memo lives on the object itself: at 20,000 states a WeakMap lookup per
// state and rule costs more than the work.

import type { Memoized, State } from './types';

/**
 * The value `compute()` gives for `owner`, computed once until `forgetDerived(owner)`.
 * `compute` must read only `owner`'s own content; callers must not mutate the value.
 */
export function derived<T>(owner: Memoized, key: string, compute: () => T): T {
  let entries = owner.memo;
  if (!entries) {
    entries = new Map();
    owner.memo = entries;
  }
  const found = entries.get(key);
  if (found !== undefined || entries.has(key)) return found as T;
  const value = compute();
  entries.set(key, value);
  return value;
}

/** Drops every memoized fact of `owner`. */
export function forgetDerived(owner: Memoized): void {
  owner.memo = undefined;
}

/** A scope's or the model's fact built from part of its states; `reads` gives that part. */
class StatesFact {
  constructor(
    readonly value: unknown,
    readonly reads: StatePart,
  ) {}
}

/**
 * The part of a state some fact reads, as a key that changes exactly when that part does
 * (undefined: the state has no such part). A Pass state's writes; a state's Assign blocks.
 */
export type StatePart = (state: State) => string | undefined;

/**
 * Like `derived`, for a fact of a scope or of the model that reads only a part of some states
 * (the Pass states' writes, the Assign blocks): an edit that leaves that part of every state
 * as it was keeps the fact, so it is not rebuilt over every state on each keystroke.
 */
export function derivedFromStates<T>(owner: Memoized, key: string, reads: StatePart, compute: () => T): T {
  const fact = derived(owner, key, () => new StatesFact(compute(), reads));
  return fact.value as T;
}

/** Whether `part` differs between some state of `before` and the same state in `after` (parallel arrays). */
export function partChanged(part: StatePart, before: readonly State[], after: readonly State[]): boolean {
  for (let i = 0; i < after.length; i++) if (part(before[i]) !== part(after[i])) return true;
  return false;
}

/**
 * Drops the facts of `owner` that an edit can change: every plain `derived` fact, and each
 * `derivedFromStates` fact whose part of the edited states differs between `before` (copies
 * taken before the edit) and `after` (the same states now).
 */
export function forgetChangedFacts(owner: Memoized, before: readonly State[], after: readonly State[]): void {
  const memo = owner.memo;
  if (!memo) return;
  for (const [key, fact] of memo) {
    if (!(fact instanceof StatesFact) || partChanged(fact.reads, before, after)) memo.delete(key);
  }
}

/**
 * A one-entry memo for facts every state rule of one state reads in turn (its payload values):
 * the rules run state by state, so the last state's facts are all that is worth keeping, and
 * nothing accumulates over a 20,000-state document. Keyed by the state's node, which an edit replaces.
 */
export function lastStateMemo<K extends object, T>(compute: (key: K) => T): (key: K, node: object) => T {
  let lastKey: K | undefined;
  let lastNode: object | undefined;
  let lastValue: T | undefined;
  return (key, node) => {
    if (key !== lastKey || node !== lastNode) {
      lastValue = compute(key);
      lastKey = key;
      lastNode = node;
    }
    return lastValue as T;
  };
}
