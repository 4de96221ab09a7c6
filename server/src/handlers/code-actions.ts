// textDocument/codeAction, stateless: each diagnostic is matched (rule id from its `data`, range) to a
// finding of the analysis of the document's current version, whose core fixes become quick fixes.
// IAM001/IAM002 findings, a Task state under the cursor and the whole document also get "Generate
// least-privilege IAM policy" actions, which run the client's command instead of editing the definition.
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic, type InitializeParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { redactSecrets, stateAt, stateSelector, type Finding, type State, type StateMachine } from '../../../core';
import { GENERATE_POLICY, SOURCE_GENERATE_POLICY, type GeneratePolicyArgs } from '../../../protocol';
import type { AslDocuments } from '../documents';
import { SOURCE, sameRange, toRange, toWorkspaceEdit, type DiagnosticData } from '../convert';

/** Rules whose findings are about what the execution role's policy must allow. */
const POLICY_RULES = new Set(['IAM001', 'IAM002']);
/** State names longer than this are shortened in titles. */
const MAX_NAME = 60;

/** The codeActionProvider capability. */
export const codeActionsCapability = { codeActionKinds: [CodeActionKind.QuickFix, SOURCE_GENERATE_POLICY], resolveProvider: false };

/** The finding a diagnostic of ours was made from: same rule, same range, in the current analysis. */
function findingOf(document: TextDocument, findings: Finding[], diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const ruleId = (diagnostic.data as Partial<DiagnosticData> | undefined)?.ruleId ?? diagnostic.code;
  return findings.find((f) => !f.suppressed && f.ruleId === ruleId && sameRange(toRange(document, f.offset, f.length), diagnostic.range));
}

/** "Generate least-privilege IAM policy for <state>" (or for the whole state machine), as a command. */
function policyAction(uri: string, model: StateMachine, state: State | undefined, kind: string, diagnostics?: Diagnostic[]): CodeAction {
  const name = state && (redactSecrets(state.name).replace(/\s+/g, ' ') || '""');
  const target = !name ? 'the state machine' : name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name;
  const title = `Generate least-privilege IAM policy for ${target}`;
  const args: GeneratePolicyArgs = state ? { uri, state: stateSelector(model, state) } : { uri };
  return { title, kind, ...(diagnostics ? { diagnostics } : {}), command: { title, command: GENERATE_POLICY, arguments: [args] } };
}

/** True when `only` (the kinds the client asked for) admits `kind`: equal, or a sub-kind. */
function wanted(kind: string | undefined, only: string[] | undefined): boolean {
  return !only || (!!kind && only.some((o) => kind === o || kind.startsWith(`${o}.`)));
}

/** Answers textDocument/codeAction. */
export function registerCodeActions(connection: Connection, docs: AslDocuments, params: InitializeParams): void {
  const versioned = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
  connection.onCodeAction(async (p, token): Promise<CodeAction[]> => {
    const analysis = await docs.forRequest(p.textDocument.uri, token);
    const result = analysis?.result;
    if (!analysis || !result) return [];
    const { document } = analysis;
    const model = result.model;
    const actions: CodeAction[] = [];
    const policyDiagnostics = new Map<State, Diagnostic[]>();
    for (const diagnostic of p.context.diagnostics) {
      const finding = findingOf(document, result.findings, diagnostic);
      if (!finding) continue;
      const fixIds = (diagnostic.data as Partial<DiagnosticData> | undefined)?.fixIds;
      for (const fix of finding.fixes ?? []) {
        if (fixIds && !fixIds.includes(fix.id)) continue; // the client's diagnostic predates this fix
        const kind = fix.kind === 'source' ? CodeActionKind.Source : CodeActionKind.QuickFix;
        actions.push({ title: fix.title, kind, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit: toWorkspaceEdit(document, fix.edits, versioned) });
      }
      const state = POLICY_RULES.has(finding.ruleId) ? stateAt(model, finding.offset, finding.offset + finding.length) : undefined;
      if (state) policyDiagnostics.set(state, [...(policyDiagnostics.get(state) ?? []), diagnostic]);
    }
    if (model?.states.length) {
      for (const [state, diagnostics] of policyDiagnostics) actions.push(policyAction(analysis.uri, model, state, CodeActionKind.QuickFix, diagnostics));
      const task = stateAt(model, document.offsetAt(p.range.start), document.offsetAt(p.range.end), (s) => s.type === 'Task');
      if (task) actions.push(policyAction(analysis.uri, model, task, SOURCE_GENERATE_POLICY));
      actions.push(policyAction(analysis.uri, model, undefined, SOURCE_GENERATE_POLICY));
    }
    return actions.filter((a) => wanted(a.kind, p.context.only));
  });
}
