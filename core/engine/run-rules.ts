// Runs the rule registry over one parsed document and its model: document rules once, state
// rules once per state, then user levels and in-source suppressions. State-rule results are kept
// per state so an incremental analysis can re-run only the states an edit touched.
import { pointerOf, type AstNode } from '../parse/ast';
import type { ParsedDocument } from '../parse';
import type { State, StateMachine } from '../model/types';
import type { Finding } from '../findings/types';
import { optionsFor, type ResolvedConfig } from '../config/config';
import { formatMessage, type Report, type Rule, type RuleContext } from '../rules/define-rule';
import { applySuppressions } from './suppression';

export interface RuleRunInput {
  text: string;
  parsed: ParsedDocument;
  model: StateMachine | undefined;
}

/** State-rule findings of one run, by state pointer, for reuse by the next run. */
export interface StateFindingsCache {
  config: ResolvedConfig;
  /** Everything state rules may depend on besides the state's own subtree (names, types, transitions). */
  signature: string;
  byState: Map<string, Finding[]>;
}

/** How a run may reuse a previous run's state findings. */
export interface Reuse {
  cache: StateFindingsCache;
  /** Pointers of states whose subtree changed: re-run these. */
  changed: ReadonlySet<string>;
  /** Moves a previous finding to its place in the new text. */
  relocate(finding: Finding): Finding;
}

export interface RuleRunOutput {
  findings: Finding[];
  cache: StateFindingsCache;
}

export function runRules(input: RuleRunInput, rules: readonly Rule[], config: ResolvedConfig, reuse?: Reuse): RuleRunOutput {
  const documentFindings: Finding[] = [];
  const byState = new Map<string, Finding[]>();
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
  for (const rule of active) if (rule.checkDocument) rule.checkDocument(contexts.get(rule)!);

  const model = input.model;
  const signature = model ? structureSignature(model) : '';
  const canReuse = reuse && reuse.cache.config === config && reuse.cache.signature === signature;
  if (model) {
    for (const state of model.states) {
      const pointer = pointerOf(state.node);
      const previous = canReuse && !reuse.changed.has(pointer) ? reuse.cache.byState.get(pointer) : undefined;
      if (previous) {
        byState.set(pointer, previous.map((f) => reuse!.relocate(f)));
        continue;
      }
      sink = [];
      for (const rule of active) if (rule.checkState) rule.checkState(state, contexts.get(rule) as RuleContext & { model: StateMachine });
      byState.set(pointer, sink);
    }
  }
  const findings = [...documentFindings];
  for (const list of byState.values()) for (const f of list) findings.push(unsuppressed(f));
  applySuppressions(model, findings);
  findings.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
  return { findings, cache: { config, signature, byState } };
}

/**
 * What state rules may read beyond their own state: every scope's StartAt and every state's
 * name, type, query language and transitions. When it is unchanged, so is the graph.
 */
export function structureSignature(model: StateMachine): string {
  const parts: string[] = [model.queryLanguage];
  for (const scope of model.scopes) {
    parts.push(`@${scope.owner ? pointerOf(scope.owner.node) : ''}:${scope.kind}:${scope.startAt?.name ?? ''}`);
    for (const state of scope.list) parts.push(stateSignature(state));
  }
  return parts.join('\n');
}

function stateSignature(state: State): string {
  return `${state.name}\t${state.type ?? ''}\t${state.queryLanguage}\t${state.end}\t${state.transitions.map((t) => `${t.kind}>${t.target}`).join(',')}`;
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
    message: formatMessage(rule.meta.messages[report.messageId] ?? report.messageId, report.data),
    offset,
    length,
    pointer: node ? pointerOf(node) : '',
  };
  if (report.tags?.length) finding.tags = report.tags;
  if (report.fixes?.length) finding.fixes = report.fixes;
  if (report.findingData) finding.data = report.findingData;
  return finding;
}
