// Walking the data a state sends and keeps: Parameters/Arguments, Result, ResultSelector,
// ItemSelector, Output, Assign, Catch Output/Assign. Rules that look for secrets, tokens and
// runtime names all walk these the same way.
import { isArray, isObject, keyOf, propertiesOf, valueOf, type AstNode } from '../parse/ast';
import type { State } from './types';

/** Fields whose values are payload templates or JSONata data. */
export const PAYLOAD_FIELDS = ['Parameters', 'Arguments', 'Result', 'ResultSelector', 'ItemSelector', 'Output', 'Assign'] as const;

export interface PayloadValue {
  /** The top-level field the value sits under (`Parameters`, `Arguments`, ...). */
  field: string;
  /** Keys from the field down to the value; array items appear as their index. */
  path: string[];
  /** The key directly above the value (`Password`, `Authorization.$`), or undefined for array items. */
  key?: string;
  keyNode?: AstNode;
  node: AstNode;
}

/**
 * Calls `visit` for every scalar value under the state's payload fields (and its catchers'
 * Output/Assign). Iterative, so deep payloads cannot overflow the stack.
 */
export function forEachPayloadValue(state: State, visit: (value: PayloadValue) => void, fields: readonly string[] = PAYLOAD_FIELDS): void {
  for (const field of fields) {
    const node = valueOf(state.node, field);
    if (node) walkScalars(node, field, visit);
  }
  const catchers = valueOf(state.node, 'Catch');
  if (isArray(catchers)) {
    for (const catcher of catchers.children) {
      for (const field of ['Output', 'Assign']) {
        if (!fields.includes(field)) continue;
        const node = valueOf(catcher, field);
        if (node) walkScalars(node, `Catch.${field}`, visit);
      }
    }
  }
}

/** Visits every scalar under `root`, giving its key path relative to `root`. */
export function walkScalars(root: AstNode, field: string, visit: (value: PayloadValue) => void): void {
  const stack: { node: AstNode; path: string[]; key?: string; keyNode?: AstNode }[] = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path, key, keyNode } = stack.pop()!;
    if (isObject(node)) {
      const props = propertiesOf(node);
      for (let i = props.length - 1; i >= 0; i--) {
        const prop = props[i];
        const k = keyOf(prop);
        if (prop.children[1]) stack.push({ node: prop.children[1], path: [...path, k], key: k, keyNode: prop.children[0] });
      }
    } else if (isArray(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], path: [...path, String(i)] });
    } else {
      visit({ field, path, key, keyNode, node });
    }
  }
}
