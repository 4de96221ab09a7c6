// Walking the data a state sends and keeps: Parameters/Arguments, Result, ResultSelector,
// ItemSelector, Output, Assign, Catch Output/Assign. Rules that look for secrets, tokens and
// runtime names all walk these the same way.
import { isArray, keyOf, valueOf, type AstNode } from '../parse/ast';
import { lastStateMemo } from './derived';
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
 * Output/Assign), in document order. With the default fields the values of the last state asked
 * about are kept and shared by every rule of that state: visitors must not change them.
 */
export function forEachPayloadValue(state: State, visit: (value: PayloadValue) => void, fields: readonly string[] = PAYLOAD_FIELDS): void {
  if (fields === PAYLOAD_FIELDS) {
    for (const value of payloadValues(state, state.node)) visit(value);
    return;
  }
  for (const value of collect(state, fields)) visit(value);
}

const payloadValues = lastStateMemo((state: State) => collect(state, PAYLOAD_FIELDS));

function collect(state: State, fields: readonly string[]): PayloadValue[] {
  const out: PayloadValue[] = [];
  const push = (value: PayloadValue) => out.push(value);
  for (const field of fields) {
    const node = valueOf(state.node, field);
    if (node) walkScalars(node, field, push);
  }
  const catchers = valueOf(state.node, 'Catch');
  if (isArray(catchers)) {
    for (const catcher of catchers.children) {
      for (const field of ['Output', 'Assign']) {
        if (!fields.includes(field)) continue;
        const node = valueOf(catcher, field);
        if (node) walkScalars(node, `Catch.${field}`, push);
      }
    }
  }
  return out;
}

/**
 * Visits every scalar under `root` in document order, giving its key path relative to `root`.
 * Recursion depth is bounded by the parsers' nesting limits.
 */
export function walkScalars(root: AstNode, field: string, visit: (value: PayloadValue) => void): void {
  const path: string[] = [];
  const walk = (node: AstNode, key: string | undefined, keyNode: AstNode | undefined): void => {
    const children = node.children;
    if (node.type === 'object') {
      for (let i = 0; i < children!.length; i++) {
        const prop = children![i];
        const value = prop.children?.[1];
        if (!value) continue;
        const k = keyOf(prop);
        path.push(k);
        walk(value, k, prop.children![0]);
        path.pop();
      }
    } else if (node.type === 'array') {
      for (let i = 0; i < children!.length; i++) {
        path.push(String(i));
        walk(children![i], undefined, undefined);
        path.pop();
      }
    } else {
      visit({ field, path: path.slice(), key, keyNode, node });
    }
  };
  walk(root, undefined, undefined);
}
