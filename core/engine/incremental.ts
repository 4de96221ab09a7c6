// Incremental analysis: one edit inside one state re-parses that state alone, splices it into the
// tree, refreshes that state's model objects in place and re-runs state rules only for it, the
// states in it and the states that contain it. An edit that changes the structure (names,
// transitions, types) or falls outside every state is analysed in full, so the result always
// equals `analyze(newText)`.
import type { DocumentFormat, ParsedDocument } from '../parse';
import { spliceObjectInSteps, type TextChange } from '../parse/splice';
import { buildModel } from '../model/build';
import { refreshState } from '../model/refresh';
import { partChanged, type StatePart } from '../model/derived';
import type { Scope, State, StateMachine } from '../model/types';
import type { AstNode, ObjectNode } from '../parse/ast';
import type { Finding } from '../findings/types';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/config';
import type { Rule } from '../rules/define-rule';
import { runRulesInSteps, type Reuse, type StateFindingsCache } from './run-rules';
import type { PieceText } from '../text/piece-text';

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
export function* analyzeIncrementally(previous: Previous, newText: string | PieceText, changes: readonly TextChange[], options: IncrementalOptions): Generator<void, Result> {
  const config = options.config ?? DEFAULT_CONFIG;
  // Only a full analysis needs the whole text as one string.
  const fallback = () => options.full(newText.toString(), { format: options.format, config: options.config });
  const root = previous.parsed.root;
  if (changes.length !== 1 || options.format !== 'json' || previous.parsed.format !== 'json' || !root || !previous.model) return yield* fallback();
  if (previous.parsed.problems.length || previous.stateFindings.config !== config) return yield* fallback();
  const change = changes[0];
  const target = innermostStateAround(previous.model, change);
  if (!target) return yield* fallback();
  const replacement = yield* spliceObjectInSteps(root, target.node, newText, change);
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
  return withText(newText, { parsed, model, findings, stateFindings: cache });
}

/** The result, its `text` materialised only if someone reads it. */
function withText(text: string | PieceText, rest: Omit<Result, 'text'>): Result {
  if (typeof text === 'string') return { text, ...rest };
  return Object.defineProperty(rest, 'text', { get: () => text.toString(), enumerable: true }) as Result;
}

/**
 * The smallest state whose braces strictly contain the change: down from the top scope, in each
 * scope the one state that can hold it (siblings are disjoint and in document order), so a
 * keystroke does not read the offsets of all 20,000 states.
 */
function innermostStateAround(model: StateMachine, change: TextChange): State | undefined {
  const end = change.offset + change.length;
  let best: State | undefined;
  let scopes: readonly Scope[] = [model.scope];
  descend: for (;;) {
    for (const scope of scopes) {
      const state = lastStartingBefore(scope.list, change.offset);
      if (state && end < state.node.offset + state.node.length) {
        best = state;
        scopes = state.children;
        continue descend;
      }
    }
    return best;
  }
}

/** The last of `states` (in document order) whose node starts before `offset`. */
function lastStartingBefore(states: readonly State[], offset: number): State | undefined {
  let low = 0;
  let high = states.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (states[mid].node.offset < offset) low = mid + 1;
    else high = mid;
  }
  return low ? states[low - 1] : undefined;
}

type Relocated = 'ruleId' | 'ruleName' | 'messageId' | 'severity' | 'message' | 'offset' | 'length' | 'pointer' | 'tags' | 'fixes' | 'data' | 'suppressed';
/** Does not compile once Finding has a field that `relocate` does not copy. */
export const RELOCATES_EVERY_FIELD: Exclude<keyof Finding, Relocated> extends never ? true : false = true;

/** A finding (and its fix edits) moved by an edit that ended at `oldEnd` and changed the length by `delta`. */
function relocate(finding: Finding, oldEnd: number, delta: number): Finding {
  if (delta === 0) return finding;
  const move = (offset: number) => (offset >= oldEnd ? offset + delta : offset);
  // Field by field in toFinding's order, not `{ ...finding }`: a spread of a spread gives each
  // copy a map of its own, and cloning through ever new maps took ~10 µs a finding.
  const { ruleId, ruleName, messageId, severity, message, length, pointer } = finding;
  const moved: Finding = { ruleId, ruleName, messageId, severity, message, offset: move(finding.offset), length, pointer };
  if ('tags' in finding) moved.tags = finding.tags;
  if ('fixes' in finding) moved.fixes = finding.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, offset: move(e.offset) })) }));
  if ('data' in finding) moved.data = finding.data;
  if ('suppressed' in finding) moved.suppressed = finding.suppressed;
  return moved;
}
