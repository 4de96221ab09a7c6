// In-source suppression: ASL has no comments, so a state's `Comment` field carries
// `asl-guard-disable SEC001 IAM002` (ids or names; no list = every rule). It covers the state
// and everything nested in it; the top-level Comment covers the whole document.
import { stringOf, valueOf, type AstNode } from '../parse/ast';
import type { State, StateMachine } from '../model/types';
import type { Finding } from '../findings/types';
import { derived } from '../model/derived';

const DIRECTIVE = /asl-guard-disable(?![-\w])([^\n]*)/i;

/** The rule keys a Comment disables: `['*']` for all, `[]` for none. */
export function disabledBy(comment: string | undefined): string[] {
  const match = comment && DIRECTIVE.exec(comment);
  if (!match) return [];
  const keys = match[1].split(/[\s,]+/).map((k) => k.trim().toUpperCase()).filter((k) => /^[A-Z0-9-]+$/.test(k));
  return keys.length ? keys : ['*'];
}

function covers(node: AstNode, finding: Finding): boolean {
  return finding.offset >= node.offset && finding.offset < node.offset + node.length;
}

/** Marks findings silenced by a Comment directive as suppressed. */
export function applySuppressions(model: StateMachine | undefined, findings: Finding[]): void {
  if (!model) return;
  const directives: { node: AstNode; keys: string[] }[] = [];
  const rootKeys = disabledBy(stringOf(valueOf(model.root, 'Comment')));
  if (rootKeys.length) directives.push({ node: model.root, keys: rootKeys });
  for (const state of model.states) {
    const keys = derived(state, 'disabledBy', () => disabledBy(stringOf(valueOf(state.node, 'Comment'))));
    if (keys.length) directives.push({ node: stateSpan(state), keys });
  }
  if (!directives.length) return;
  for (const finding of findings) {
    for (const d of directives) {
      if (covers(d.node, finding) && (d.keys.includes('*') || d.keys.includes(finding.ruleId) || d.keys.includes(finding.ruleName.toUpperCase()))) {
        finding.suppressed = true;
        break;
      }
    }
  }
}

/** The state's property (name and body), so findings on its name are covered too. */
function stateSpan(state: State): AstNode {
  return state.node.parent ?? state.node;
}
