// Per-object memo for facts derived from a model object's content (a state's resource uses, its
// suppression keys, a scope's Pass index). An incremental analysis keeps the State and Scope
// objects an edit did not touch, so their entries stay valid; it forgets the ones it refreshes.
// (The state graph is cached apart, in graph.ts: it depends on structure only.)

const memo = new WeakMap<object, Map<string, unknown>>();

/**
 * The value `compute()` gives for `owner`, computed once until `forgetDerived(owner)`.
 * `compute` must read only `owner`'s own content; callers must not mutate the value.
 */
export function derived<T>(owner: object, key: string, compute: () => T): T {
  let entries = memo.get(owner);
  if (!entries) {
    entries = new Map();
    memo.set(owner, entries);
  }
  if (entries.has(key)) return entries.get(key) as T;
  const value = compute();
  entries.set(key, value);
  return value;
}

/** Drops every memoized fact of `owner`. */
export function forgetDerived(owner: object): void {
  memo.delete(owner);
}
