// Runs the rule registry over one parsed document and its model: document rules once, state
// rules once per state, then user levels and in-source suppressions.
import { pointerOf, type AstNode } from '../parse/ast';
import type { ParsedDocument } from '../parse';
import type { StateMachine } from '../model/types';
import type { Finding } from '../findings/types';
import { optionsFor, type ResolvedConfig } from '../config/config';
import { formatMessage, type Report, type Rule, type RuleContext } from '../rules/define-rule';
import { applySuppressions } from './suppression';

export interface RuleRunInput {
  text: string;
  parsed: ParsedDocument;
  model: StateMachine | undefined;
}

export function runRules(input: RuleRunInput, rules: readonly Rule[], config: ResolvedConfig): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const level = config.levels.get(rule.meta.code);
    if (level === 'off') continue;
    const ctx: RuleContext = {
      ...input,
      workflowType: config.workflowType,
      options: optionsFor(rule.meta, config),
      report: (report) => findings.push(toFinding(rule, report, level)),
    };
    if (rule.checkDocument) rule.checkDocument(ctx);
    if (rule.checkState && input.model) {
      const stateCtx = ctx as RuleContext & { model: StateMachine };
      for (const state of input.model.states) rule.checkState(state, stateCtx);
    }
  }
  applySuppressions(input.model, findings);
  return findings.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
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
