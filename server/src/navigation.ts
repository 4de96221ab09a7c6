// State-name navigation over the model: which state a position names (a state key, StartAt,
// Next, Default, a Choice rule's or a Catcher's Next) and every place that names it.
import type { AstNode, Scope, StateMachine } from '../../core';

/** A state name at a position, resolved within its scope. */
export interface NameAt {
  scope: Scope;
  name: string;
  /** The node under the cursor. */
  node: AstNode;
}

/** The innermost node containing `offset` (the end of a token counts as inside it). */
export function nodeAt(root: AstNode | undefined, offset: number): AstNode | undefined {
  let node = root;
  if (!node || offset < node.offset || offset > node.offset + node.length) return undefined;
  for (;;) {
    const child: AstNode | undefined = node.children?.find((c) => offset >= c.offset && offset <= c.offset + c.length);
    if (!child) return node;
    node = child;
  }
}

/** The state name under the cursor, if the cursor is on one. */
export function nameAt(model: StateMachine | undefined, offset: number): NameAt | undefined {
  const node = nodeAt(model?.root, offset);
  if (!model || !node || node.type !== 'string') return undefined;
  for (const scope of model.scopes) {
    if (scope.startAt?.node === node) return { scope, name: scope.startAt.name, node };
  }
  for (const state of model.states) {
    if (state.keyNode === node) return { scope: state.scope, name: state.name, node };
    const transition = state.transitions.find((t) => t.node === node);
    if (transition) return { scope: state.scope, name: transition.target, node };
  }
  return undefined;
}

/** The key node of the state `name` in `scope`, if it exists. */
export function declarationOf(at: NameAt): AstNode | undefined {
  return at.scope.states.get(at.name)?.keyNode;
}

/** Every StartAt and transition in the scope that names the state, in document order. */
export function mentionsOf(at: NameAt): AstNode[] {
  const out: AstNode[] = [];
  if (at.scope.startAt?.name === at.name) out.push(at.scope.startAt.node);
  for (const state of at.scope.list) {
    for (const t of state.transitions) if (t.target === at.name) out.push(t.node);
  }
  return out.sort((a, b) => a.offset - b.offset);
}
