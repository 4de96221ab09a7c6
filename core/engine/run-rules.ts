// Runs the rule registry over one parsed document and its model: document rules once, state
// rules once per state, then user levels and in-source suppressions. State-rule results are kept
// per state so an incremental analysis can re-run only the states an edit touched.
import { pointerOf, type AstNode } from '../parse/ast';
import type { ParsedDocument } from '../parse';
import type { State, StateMachine } from '../model/types';
import type { StatePart } from '../model/derived';
import type { Finding } from '../findings/types';
import { optionsFor, type ResolvedConfig } from '../config/config';
import { formatMessage, type Report, type Rule, type RuleContext } from '../rules/define-rule';
import { applySuppressions } from './suppression';
import { finish } from '../parse/steps';
import type { TextSource } from '../text/piece-text';
import { redactSecrets } from '../secrets/redact';

export interface RuleRunInput {
  text: TextSource;
  parsed: ParsedDocument;
  model: StateMachine | undefined;
}

/** State-rule findings of one run, by state, for reuse by the next run. */
export interface StateFindingsCache {
  config: ResolvedConfig;
  /** By `State.index`: an in-place refresh keeps every state's index. */
  byState: readonly (readonly Finding[])[];
  /** Document findings of the rules whose document part reads the structure only. */
  byStructureRule: Map<Rule, Finding[]>;
}

/**
 * How a run may reuse a previous run's findings after an edit inside one state. Either the model
 * is the previous one refreshed in place (same structure, same State objects), or the edit changed
 * the structure and the model was rebuilt: then findings of rules that read other states are
 * re-computed everywhere, and the others are reused for states whose subtree is the same.
 */
export interface Reuse {
  cache: StateFindingsCache;
  /** The previous findings of a state whose subtree did not change, or undefined: re-run it. */
  previousOf(state: State): readonly Finding[] | undefined;
  /** The edit changed names, types, transitions or scopes. */
  structureChanged: boolean;
  /** Moves a previous finding to its place in the new text. */
  relocate(finding: Finding): Finding;
  /** After an in-place edit: whether the edit changed this part of some state. */
  changedPart?(part: StatePart): boolean;
}

const NONE: readonly Finding[] = [];

/**
 * From this size of a state's text on, its rules pause between each other. Below it (every state
 * of a real definition) all rules of a state take well under a millisecond together.
 */
const LARGE_STATE_CHARS = 64 * 1024;

export interface RuleRunOutput {
  findings: Finding[];
  cache: StateFindingsCache;
}

/** Runs the rules to the end. */
export function runRules(input: RuleRunInput, rules: readonly Rule[], config: ResolvedConfig, reuse?: Reuse): RuleRunOutput {
  return finish(runRulesInSteps(input, rules, config, reuse));
}

/**
 * The same run in steps: it pauses after each document rule, after each state, and in a large
 * state after each rule, so a caller can give the thread back (and drop the run when its text is
 * stale) on huge documents.
 */
export function* runRulesInSteps(input: RuleRunInput, rules: readonly Rule[], config: ResolvedConfig, reuse?: Reuse): Generator<void, RuleRunOutput> {
  const documentFindings: Finding[] = [];
  const byState: (readonly Finding[])[] = [];
  const active = rules.filter((rule) => config.levels.get(rule.meta.code) !== 'off');
  const contexts = new Map<Rule, RuleContext>();
  let sink = documentFindings;
  for (const rule of active) {
    const level = config.levels.get(rule.meta.code);
    contexts.set(rule, {
      ...input,
      workflowType: config.workflowType,
      options: optionsFor(rule.meta, config),
      report: (report) => sink.push(toFinding(rule, report, level)),
    });
  }
  const canReuse = reuse && reuse.cache.config === config;
  const byStructureRule = new Map<Rule, Finding[]>();
  for (const rule of active) {
    if (!rule.checkDocument) continue;
    const previous = canReuse && !reuse.structureChanged && rule.documentReadsStructureOnly ? reuse.cache.byStructureRule.get(rule) : undefined;
    const start = documentFindings.length;
    if (previous) for (const f of previous) documentFindings.push(unsuppressed(reuse!.relocate(f)));
    else {
      const steps = rule.checkDocument(contexts.get(rule)!);
      if (steps) yield* steps;
    }
    if (rule.documentReadsStructureOnly) byStructureRule.set(rule, documentFindings.slice(start));
    yield;
  }

  const model = input.model;
  const stateRules = active.filter((rule) => rule.checkState);
  // Rules that re-run on every state, even where the state's own findings could be reused.
  const everywhere = canReuse ? stateRules.filter((rule) => mustRerunEverywhere(rule, reuse)) : [];
  const everywhereIds = new Set(everywhere.map((rule) => rule.meta.code));
  if (model) {
    const states = model.states;
    for (let i = 0; i < states.length; i++) {
      const state = states[i];
      const previous = canReuse ? reuse.previousOf(state) : undefined;
      if (previous && !everywhere.length) {
        byState.push(previous.length ? previous.map((f) => reuse!.relocate(f)) : previous);
        continue;
      }
      sink = [];
      if (previous) for (const f of previous) if (!everywhereIds.has(f.ruleId)) sink.push(reuse!.relocate(f));
      const toRun = previous ? everywhere : stateRules;
      // A big state (one Result of a million keys) pauses between its rules too.
      const pauseBetweenRules = state.node.length >= LARGE_STATE_CHARS;
      for (const rule of toRun) {
        rule.checkState!(state, contexts.get(rule) as RuleContext & { model: StateMachine });
        if (pauseBetweenRules) yield;
      }
      byState.push(sink.length ? sink : NONE);
      yield;
    }
  }
  const findings = [...documentFindings];
  for (const list of byState) for (const f of list) findings.push(unsuppressed(f));
  applySuppressions(model, findings);
  findings.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
  return { findings, cache: { config, byState, byStructureRule } };
}

/** A structural edit re-runs the rules that read structure or other states; an in-place one, those that read an edited state. */
function mustRerunEverywhere(rule: Rule, reuse: Reuse): boolean {
  if (reuse.structureChanged) return !!(rule.stateReadsStructure || rule.stateReadsStates);
  return !!rule.stateReadsStates && (!reuse.changedPart || reuse.changedPart(rule.stateReadsStates));
}

/** A copy without a previous run's suppression mark (suppressions are re-applied every run). */
function unsuppressed(finding: Finding): Finding {
  if (!finding.suppressed) return finding;
  const copy = { ...finding };
  delete copy.suppressed;
  return copy;
}

function toFinding(rule: Rule, report: Report, level: string | undefined): Finding {
  const node: AstNode | undefined = report.node;
  const offset = report.range?.offset ?? node?.offset ?? 0;
  const length = report.range?.length ?? node?.length ?? 0;
  const finding: Finding = {
    ruleId: rule.meta.code,
    ruleName: rule.meta.name,
    messageId: report.messageId,
    severity: level && level !== 'off' ? (level as Finding['severity']) : report.severity ?? rule.meta.severity,
    // Keys, names and values a message quotes may be credentials themselves (a state named after a token).
    message: redactSecrets(formatMessage(rule.meta.messages[report.messageId] ?? report.messageId, report.data)),
    offset,
    length,
    pointer: node ? redactSecrets(pointerOf(node)) : '',
  };
  if (report.tags?.length) finding.tags = report.tags;
  if (report.fixes?.length) finding.fixes = report.fixes.map((fix) => ({ ...fix, title: redactSecrets(fix.title) }));
  if (report.findingData) finding.data = report.findingData;
  return finding;
}
