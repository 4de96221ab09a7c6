// Where an offset range sits in the model: the innermost state around it, and a selector that
// names exactly one state, for editor actions that target "the state under the cursor".
import { pointerOf, type AstNode } from '../parse/ast';
import type { State, StateMachine } from './types';

/** A state's whole extent: its name and its object (the property node holding both). */
function spanOf(state: State): AstNode {
  const property = state.keyNode.parent;
  return property?.type === 'property' ? property : state.node;
}

/**
 * The innermost state whose extent (name and object, ends included) contains `[start, end]`,
 * considering only the states `accept` lets through.
 * @example stateAt(model, offsetOfCursor, offsetOfCursor, (s) => s.type === 'Task')?.name // 'Invoke'
 */
export function stateAt(model: StateMachine | undefined, start: number, end = start, accept: (state: State) => boolean = () => true): State | undefined {
  let best: State | undefined;
  for (const state of model?.states ?? []) {
    const span = spanOf(state);
    if (start < span.offset || end > span.offset + span.length || !accept(state)) continue;
    if (!best || span.length < spanOf(best).length) best = state;
  }
  return best;
}

/**
 * What to pass as `generatePolicy`'s `state` option to select exactly this state: its name when no
 * other state has it (the readable choice), else its JSON pointer (names repeat across branches).
 * @example stateSelector(model, branchState) // 'Done' or '/States/Fan/Branches/1/States/Done'
 */
export function stateSelector(model: StateMachine, state: State): string {
  return model.states.some((s) => s !== state && s.name === state.name) ? pointerOf(state.node) : state.name;
}
