// The engine's façade: pure functions from text to findings, models and (later) edits and
// policies. Adapters (server, CLI) call only what is exported here.
import { notTextDocument, parseDocumentInSteps, type DocumentFormat, type ParsedDocument } from './parse';
import { finish } from './parse/steps';
import { buildModelInSteps } from './model/build';
import { graphOf } from './model/graph';
import type { StateMachine } from './model/types';
import type { Finding } from './findings/types';
import { DEFAULT_CONFIG, resolveConfig, type ResolvedConfig } from './config/config';
import { runRulesInSteps, type StateFindingsCache } from './engine/run-rules';
import { analyzeIncrementally } from './engine/incremental';
import type { TextChange } from './parse/splice';
import { RULES } from './rules';
import type { RuleMeta } from './rules/define-rule';
import type { PieceText } from './text/piece-text';
import type { DecodedSource } from './text/decode';

export interface AnalyzeOptions {
  format: DocumentFormat;
  config?: ResolvedConfig;
}

export interface AnalysisResult {
  /** The analysed text (after an incremental analysis of a PieceText, built when first read). */
  text: string;
  parsed: ParsedDocument;
  model: StateMachine | undefined;
  /** Sorted by offset; suppressed findings are included and marked. */
  findings: Finding[];
  /** Per-state rule results, reused by `analyzeChange`. */
  stateFindings: StateFindingsCache;
}

/**
 * Analyses one ASL document. Never throws for any text.
 * @example analyze('{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}', { format: 'json' })
 *   .findings[0].ruleId === 'ASL003'
 */
export function analyze(text: string, options: AnalyzeOptions): AnalysisResult {
  return finish(analyzeInSteps(text, options));
}

/**
 * Analyses a file as `decodeSource` read its bytes: its text, or, when the bytes are not text (NUL
 * bytes, invalid UTF-8), a result whose one finding is ASL001 at the start saying so (subject to
 * the configuration like any finding), with an empty `text`.
 */
export function analyzeSource(source: DecodedSource, options: AnalyzeOptions): AnalysisResult {
  if (source.kind === 'text') return analyze(source.text, options);
  return finish(checkInSteps('', notTextDocument(source.reason, options.format), options));
}

/**
 * Analyses `newText`, the result of applying `changes` (in order, each against the text before
 * it) to `previous.text`. A PieceText lets an edit inside one state be analysed without ever
 * building a string of the whole document. Re-parses and re-checks only the state an edit falls
 * in when it can, and gives exactly the findings `analyze(newText)` would. CONSUMES `previous`: its syntax tree and
 * model are updated in place and must not be used afterwards.
 */
export function analyzeChange(previous: AnalysisResult, newText: string | PieceText, changes: readonly TextChange[], options: AnalyzeOptions): AnalysisResult {
  return finish(changeInSteps(previous, newText, changes, options));
}

/** An analysis that runs in slices, so a server can stay responsive on documents far above 1 MB. */
export interface AnalysisJob {
  /**
   * Works until the analysis is done and returns it, or until `shouldYield()` answers true at a
   * checkpoint (between top-level states while parsing, between rules and states while checking)
   * and returns undefined: call again to go on, or drop the job.
   */
  resume(shouldYield: () => boolean): AnalysisResult | undefined;
}

/** `analyze` as a job. */
export function startAnalysis(text: string, options: AnalyzeOptions): AnalysisJob {
  return asJob(analyzeInSteps(text, options));
}

/** `analyzeChange` as a job; it consumes `previous` as soon as it starts, even if it is dropped. */
export function startAnalysisOfChange(previous: AnalysisResult, newText: string | PieceText, changes: readonly TextChange[], options: AnalyzeOptions): AnalysisJob {
  return asJob(changeInSteps(previous, newText, changes, options));
}

function asJob(steps: Generator<void, AnalysisResult>): AnalysisJob {
  let result: AnalysisResult | undefined;
  return {
    resume(shouldYield) {
      while (!result) {
        const next = steps.next();
        if (next.done) result = next.value;
        else if (shouldYield()) return undefined;
      }
      return result;
    },
  };
}

function* analyzeInSteps(text: string, options: AnalyzeOptions): Generator<void, AnalysisResult> {
  return yield* checkInSteps(text, yield* parseDocumentInSteps(text, options.format), options);
}

function* checkInSteps(text: string, parsed: ParsedDocument, options: AnalyzeOptions): Generator<void, AnalysisResult> {
  const model = yield* buildModelInSteps(parsed.root, options.format);
  yield;
  // The state graph is shared by several rules: built here, it is one step of its own.
  if (model) graphOf(model);
  yield;
  const { findings, cache } = yield* runRulesInSteps({ text, parsed, model }, RULES, options.config ?? DEFAULT_CONFIG);
  return { text, parsed, model, findings, stateFindings: cache };
}

function changeInSteps(previous: AnalysisResult, newText: string | PieceText, changes: readonly TextChange[], options: AnalyzeOptions): Generator<void, AnalysisResult> {
  return analyzeIncrementally(previous, newText, changes, { ...options, rules: RULES, full: analyzeInSteps });
}

/** Metadata of every rule, sorted by code. */
export function listRules(): RuleMeta[] {
  return RULES.map((r) => r.meta);
}

/** Checks user configuration layers (later layers win) against the catalog. */
export function loadConfig(...layers: unknown[]): { config: ResolvedConfig; problems: string[] } {
  return resolveConfig(layers, listRules());
}

export { looksLikeStateMachine } from './detect';
export { decodeSource, type DecodedSource } from './text/decode';
export { redactSecrets } from './secrets/redact';
export { formatForPath, type DocumentFormat } from './parse';
export type { TextChange } from './parse/splice';
export { LineIndex, type Position, type LineRange } from './text/line-index';
export { PieceText, type TextSource } from './text/piece-text';
export { LineStarts, type CharSource } from './text/line-starts';
export type { Finding, Fix, Severity, TextEdit, FindingTag } from './findings/types';
export { atLeast, SEVERITIES } from './findings/types';
export type { RuleMeta, RuleCategory } from './rules/define-rule';
export type { ResolvedConfig, UserConfig, WorkflowType } from './config/config';
export { DEFAULT_CONFIG } from './config/config';
export { parseConfigText, MAX_CONFIG_DEPTH, type ParsedConfigText } from './config/parse-config';
export type { StateMachine, State, Scope, TaskResource } from './model/types';
export { pointerOf, nodeAtPointer, type AstNode } from './parse/ast';
export { stateAt, stateSelector } from './model/locate';
export { generatePolicy, formatPolicy, type PolicyFormat, type PolicyResult, type PolicyDocument, type PolicyStatement, type PolicyNote, type GeneratePolicyOptions, type JsonFormatOptions, type TaskRolePolicy } from './iam';
export { resourceUses, integrationSites, findIntegration, type ResourceUse, type Integration } from './iam';
