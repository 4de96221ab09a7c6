// Incremental analysis: one edit inside one state re-parses that state alone, rebuilds the model
// (cheap: it walks states, not every node) and re-runs state rules only for the edited state and
// the states that contain it. Anything else falls back to a full analysis, so the result always
// equals `analyze(newText)`.
import { pointerOf } from '../parse/ast';
import type { DocumentFormat, ParsedDocument } from '../parse';
import { spliceObject, type TextChange } from '../parse/splice';
import { buildModel } from '../model/build';
import type { State, StateMachine } from '../model/types';
import type { Finding } from '../findings/types';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/config';
import type { Rule } from '../rules/define-rule';
import { runRules, type StateFindingsCache } from './run-rules';

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
  /** The full analysis to fall back on. */
  full(text: string, options: { format: DocumentFormat; config?: ResolvedConfig }): Result;
}

export function analyzeIncrementally(previous: Previous, newText: string, changes: readonly TextChange[], options: IncrementalOptions): Result {
  const config = options.config ?? DEFAULT_CONFIG;
  const fallback = () => options.full(newText, { format: options.format, config: options.config });
  const root = previous.parsed.root;
  if (changes.length !== 1 || options.format !== 'json' || previous.parsed.format !== 'json' || !root || !previous.model) return fallback();
  if (previous.parsed.problems.length || previous.stateFindings.config !== config) return fallback();
  const change = changes[0];
  const target = innermostStateAround(previous.model, change);
  if (!target) return fallback();
  const changed = new Set<string>();
  for (let s: State | undefined = target; s; s = s.scope.owner) changed.add(pointerOf(s.node));
  if (!spliceObject(root, target.node, newText, change)) return fallback();

  const parsed: ParsedDocument = { format: 'json', root, problems: [] };
  const model = buildModel(root, 'json');
  const oldEnd = change.offset + change.length;
  const delta = change.text.length - change.length;
  const { findings, cache } = runRules({ text: newText, parsed, model }, options.rules, config, {
    cache: previous.stateFindings,
    changed,
    relocate: (finding) => relocate(finding, oldEnd, delta),
  });
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
