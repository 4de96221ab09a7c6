// The objects a state owns: its own body and everything in it, down to (not into) the states of its
// branches and processors, which are states of their own. Rules that look at every key of a state
// (secrets in names, duplicate keys) walk this, so each object is looked at by exactly one state.
import { isArray, isObject, keyOf, propertiesOf, type AstNode } from '../parse/ast';

/** The fields of a state that hold scopes of nested states. */
export const CHILD_SCOPES: ReadonlySet<string> = new Set(['Branches', 'ItemProcessor', 'Iterator']);

/**
 * Visits every object under `root` (itself included). The `States` map of a scope is visited with
 * `statesMap` true and not entered: the scope is `root` itself when `rootIsScope` (the document
 * root), else the branches and processors of `root` (a state).
 */
export function forEachOwnObject(root: AstNode, rootIsScope: boolean, visit: (object: AstNode, statesMap: boolean) => void): void {
  // `scope`: the node is a scope (the root, a branch, a processor, or the Branches array) whose States are nested states.
  const stack: { node: AstNode; scope: boolean }[] = [{ node: root, scope: rootIsScope }];
  while (stack.length) {
    const { node, scope } = stack.pop()!;
    if (isArray(node)) {
      for (const child of node.children) stack.push({ node: child, scope });
      continue;
    }
    if (!isObject(node)) continue;
    visit(node, false);
    for (const prop of propertiesOf(node)) {
      const key = keyOf(prop);
      const value = prop.children[1];
      if (!value || !(isObject(value) || isArray(value))) continue;
      if (scope && key === 'States') {
        if (isObject(value)) visit(value, true);
        continue;
      }
      stack.push({ node: value, scope: node === root && !rootIsScope && CHILD_SCOPES.has(key) });
    }
  }
}
