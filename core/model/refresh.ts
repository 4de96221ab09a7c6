// Keeps State objects across an edit inside one state. After the state's subtree was re-parsed,
// its model is rebuilt aside; when the structure is the same (names, types, query languages, ends,
// transitions, nested scopes), the old objects take the new nodes in place, so the graph and every
// cached result of the other states stay valid. Otherwise the caller rebuilds the whole model.
import type { ObjectNode } from '../parse/ast';
import { buildSubtree } from './build';
import { forgetChangedFacts, forgetDerived } from './derived';
import type { Scope, State, StateMachine } from './types';

/** The states whose content an in-place refresh changed, and copies of them as they were. */
export interface Refreshed {
  /** The edited state, the states nested in it and the states that contain it. */
  touched: State[];
  /** Shallow copies of `touched` taken before the refresh (their old nodes). */
  before: State[];
}

/**
 * Points `state` (and everything nested in it) at `node`, its re-parsed replacement. Returns the
 * states whose content changed, or undefined when the structure changed and nothing was touched.
 */
export function refreshState(model: StateMachine, state: State, node: ObjectNode): Refreshed | undefined {
  const fresh = buildSubtree(state.name, state.keyNode, node, state.scope, model.queryLanguage);
  const old = subtreeOf(state);
  if (fresh.states.length !== old.states.length || fresh.scopes.length !== old.scopes.length) return undefined;
  for (let i = 0; i < old.states.length; i++) if (stateShape(old.states[i]) !== stateShape(fresh.states[i])) return undefined;
  for (let i = 0; i < old.scopes.length; i++) if (scopeShape(old.scopes[i]) !== scopeShape(fresh.scopes[i])) return undefined;

  // The edited subtree and the states that contain it, whose content changes with it.
  const owners: State[] = [];
  for (let owner = state.scope.owner; owner; owner = owner.scope.owner) owners.push(owner);
  const touched = [...old.states, ...owners];
  // Copies as they were: facts that read part of these states compare it with the new content.
  const before = touched.map((s) => ({ ...s }));

  for (let i = 0; i < old.scopes.length; i++) {
    const [target, source] = [old.scopes[i], fresh.scopes[i]];
    target.node = source.node;
    target.startAt = source.startAt;
    target.statesNode = source.statesNode;
    forgetDerived(target);
  }
  for (let i = 0; i < old.states.length; i++) {
    const [target, source] = [old.states[i], fresh.states[i]];
    target.keyNode = source.keyNode;
    target.node = source.node;
    target.transitions = source.transitions;
    target.resource = source.resource;
    forgetDerived(target);
  }
  for (const owner of owners) forgetDerived(owner);
  forgetChangedFacts(state.scope, before, touched);
  for (const owner of owners) forgetChangedFacts(owner.scope, before, touched);
  forgetChangedFacts(model, before, touched);
  return { touched, before };
}

/** A state and every state and scope nested in it, in the order buildModel lists them. */
function subtreeOf(state: State): { states: State[]; scopes: Scope[] } {
  const states: State[] = [];
  const scopes: Scope[] = [];
  const visit = (s: State) => {
    states.push(s);
    for (const child of s.children) {
      scopes.push(child);
      for (const nested of child.list) visit(nested);
    }
  };
  visit(state);
  return { states, scopes };
}

function stateShape(s: State): string {
  return `${s.name}\t${s.type ?? ''}\t${s.queryLanguage}\t${s.end}\t${s.children.length}\t${s.transitions.map((t) => `${t.kind}>${t.target}`).join(',')}`;
}

function scopeShape(s: Scope): string {
  return `${s.kind}\t${s.startAt?.name ?? '\u0000'}\t${s.statesNode ? 1 : 0}\t${s.list.length}`;
}
