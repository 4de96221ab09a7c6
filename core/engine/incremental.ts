// Incremental analysis: one edit inside one state re-parses that state alone, splices it into the
// tree, refreshes that state's model objects in place and re-runs state rules only for it, the
// states in it and the states that contain it. An edit that changes the structure (names,
// transitions, types) or falls outside every state is analysed in full, so the result always
// equals `analyze(newText)`.
import type { DocumentFormat, ParsedDocument } from '../parse';
import { spliceObject, type TextChange } from '../parse/splice';
import { buildModel } from '../model/build';
import { refreshState } from '../model/refresh';
import { partChanged, type StatePart } from '../model/derived';
import type { State, StateMachine } from '../model/types';
import type { AstNode, ObjectNode } from '../parse/ast';
import type { Finding } from '../findings/types';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/config';
import type { Rule } from '../rules/define-rule';
import { runRulesInSteps, type Reuse, type StateFindingsCache } from './run-rules';

interface Previous {
  text: string;
  parsed: ParsedDocument;
  model: StateMachine | undefined;
  stateFindings: StateFindingsCache;
}

interface Result extends Previous {
  findings: Finding[];
}

export interface IncrementalOptions {
  format: DocumentFormat;
  config?: ResolvedConfig;
  rules: readonly Rule[];
  /** The full analysis to fall back on, in steps. */
  full(text: string, options: { format: DocumentFormat; config?: ResolvedConfig }): Generator<void, Result>;
}

/** The incremental analysis in steps (it pauses where runRulesInSteps does). */
export function* analyzeIncrementally(previous: Previous, newText: string, changes: readonly TextChange[], options: IncrementalOptions): Generator<void, Result> {
  const config = options.config ?? DEFAULT_CONFIG;
  const fallback = () => options.full(newText, { format: options.format, config: options.config });
  const root = previous.parsed.root;
  if (changes.length !== 1 || options.format !== 'json' || previous.parsed.format !== 'json' || !root || !previous.model) return yield* fallback();
  if (previous.parsed.problems.length || previous.stateFindings.config !== config) return yield* fallback();
  const change = changes[0];
  const target = innermostStateAround(previous.model, change);
  if (!target) return yield* fallback();
  const replacement = spliceObject(root, target.node, newText, change);
  if (!replacement) return yield* fallback();
  const oldModel = previous.model;
  const oldFindings = previous.stateFindings.byState;
  const refreshed = refreshState(oldModel, target, replacement as ObjectNode);
  const oldEnd = change.offset + change.length;
  const delta = change.text.length - change.length;
  const move = (finding: Finding) => relocate(finding, oldEnd, delta);
  let model: StateMachine;
  let reuse: Reuse;
  if (refreshed) {
    const edited = new Set(refreshed.touched);
    const changedPart = (part: StatePart) => partChanged(part, refreshed.before, refreshed.touched);
    model = oldModel;
    reuse = { cache: previous.stateFindings, structureChanged: false, previousOf: (s) => (edited.has(s) ? undefined : oldFindings[s.index]), relocate: move, changedPart };
  } else {
    // A structural change (a name, a transition, a type): a new model. States whose subtree is
    // the same node as before keep the findings of rules that read only their own subtree.
    const byNode = new Map<AstNode, readonly Finding[]>();
    const touched = new Set<State>();
    for (let s: State | undefined = target; s; s = s.scope.owner) touched.add(s);
    for (const s of oldModel.states) if (!touched.has(s) && oldFindings[s.index]) byNode.set(s.node, oldFindings[s.index]);
    model = buildModel(root, 'json')!;
    reuse = { cache: previous.stateFindings, structureChanged: true, previousOf: (s) => byNode.get(s.node), relocate: move };
  }
  const parsed: ParsedDocument = { format: 'json', root, problems: [] };
  const { findings, cache } = yield* runRulesInSteps({ text: newText, parsed, model }, options.rules, config, reuse);
  return { text: newText, parsed, model, findings, stateFindings: cache };
}

/** The smallest state whose braces strictly contain the change. */
function innermostStateAround(model: StateMachine, change: TextChange): State | undefined {
  let best: State | undefined;
  const end = change.offset + change.length;
  for (const state of model.states) {
    const node = state.node;
    if (change.offset > node.offset && end < node.offset + node.length && (!best || node.length < best.node.length)) best = state;
  }
  return best;
}

/** A finding (and its fix edits) moved by an edit that ended at `oldEnd` and changed the length by `delta`. */
function relocate(finding: Finding, oldEnd: number, delta: number): Finding {
  if (delta === 0) return finding;
  const move = (offset: number) => (offset >= oldEnd ? offset + delta : offset);
  const moved: Finding = { ...finding, offset: move(finding.offset) };
  if (finding.fixes) {
    moved.fixes = finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, offset: move(e.offset) })) }));
  }
  return moved;
}
