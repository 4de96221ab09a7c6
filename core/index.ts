// The engine's façade: pure functions from text to findings, models and (later) edits and
// policies. Adapters (server, CLI) call only what is exported here.
import { parseDocument, type DocumentFormat, type ParsedDocument } from './parse';
import { buildModel } from './model/build';
import type { StateMachine } from './model/types';
import type { Finding } from './findings/types';
import { DEFAULT_CONFIG, resolveConfig, type ResolvedConfig } from './config/config';
import { runRules, type StateFindingsCache } from './engine/run-rules';
import { analyzeIncrementally } from './engine/incremental';
import type { TextChange } from './parse/splice';
import { RULES } from './rules';
import type { RuleMeta } from './rules/define-rule';

export interface AnalyzeOptions {
  format: DocumentFormat;
  config?: ResolvedConfig;
}

export interface AnalysisResult {
  /** The analysed text. */
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
  const parsed = parseDocument(text, options.format);
  const model = buildModel(parsed.root, options.format);
  const { findings, cache } = runRules({ text, parsed, model }, RULES, options.config ?? DEFAULT_CONFIG);
  return { text, parsed, model, findings, stateFindings: cache };
}

/**
 * Analyses `newText`, the result of applying `changes` (in order, each against the text before
 * it) to `previous.text`. Re-parses and re-checks only the state an edit falls in when it can, and
 * gives exactly the findings `analyze(newText)` would. CONSUMES `previous`: its syntax tree and
 * model are updated in place and must not be used afterwards.
 */
export function analyzeChange(previous: AnalysisResult, newText: string, changes: readonly TextChange[], options: AnalyzeOptions): AnalysisResult {
  return analyzeIncrementally(previous, newText, changes, { ...options, rules: RULES, full: analyze });
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
export { formatForPath, type DocumentFormat } from './parse';
export type { TextChange } from './parse/splice';
export { LineIndex, type Position, type LineRange } from './text/line-index';
export type { Finding, Fix, Severity, TextEdit, FindingTag } from './findings/types';
export { atLeast, SEVERITIES } from './findings/types';
export type { RuleMeta, RuleCategory } from './rules/define-rule';
export type { ResolvedConfig, UserConfig, WorkflowType } from './config/config';
export { DEFAULT_CONFIG } from './config/config';
export type { StateMachine, State, Scope, TaskResource } from './model/types';
export { pointerOf, nodeAtPointer, type AstNode } from './parse/ast';
export { stateAt, stateSelector } from './model/locate';
export { generatePolicy, formatPolicy, type PolicyFormat, type PolicyResult, type PolicyDocument, type PolicyStatement, type PolicyNote, type GeneratePolicyOptions, type JsonFormatOptions, type TaskRolePolicy } from './iam';
export { resourceUses, integrationSites, findIntegration, type ResourceUse, type Integration } from './iam';
