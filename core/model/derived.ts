// Per-object memo for facts derived from a model object's content (a state's resource uses, its
// suppression keys, a scope's Pass index). An incremental analysis keeps the State and Scope
// objects an edit did not touch, so their entries stay valid; it forgets the ones it refreshes.
// (The state graph is cached apart, in graph.ts: it depends on structure only.) The memo lives on
// the object itself: at 20,000 states a WeakMap lookup per state and rule costs more than the work.

/** A model object that can hold memoized facts. */
export interface Memoized {
  memo?: Map<string, unknown>;
}

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
