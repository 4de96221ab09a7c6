// Engine -> LSP conversion: findings (offsets) become diagnostics (0-based lines and UTF-16
// characters), with the rule id as code, the docs page as codeDescription and fix ids as data;
// a fix's offset edits become a WorkspaceEdit. Also compares diagnostic lists (to skip re-sending).
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { listRules, type Finding, type FindingTag, type RuleMeta, type Severity, type TextEdit } from '../../core';
import type { Analysis } from './documents';

/** Shown as the diagnostic source in every client. */
export const SOURCE = 'asl-guard';

/** What a diagnostic carries for later code actions: enough to ask core for the fix again. */
export interface DiagnosticData {
  ruleId: string;
  fixIds: string[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAG: Record<FindingTag, DiagnosticTag> = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

let rulesById: Map<string, RuleMeta> | undefined;
function ruleMeta(id: string): RuleMeta | undefined {
  rulesById ??= new Map(listRules().map((r) => [r.code, r]));
  return rulesById.get(id);
}

/** An offset range -> an LSP range in the given document. */
export function toRange(document: TextDocument, offset: number, length: number): Range {
  return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}

/** True when both ranges start and end at the same positions. */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * A fix's edits (offsets into the analysed text) -> a WorkspaceEdit. `versioned` (for clients with
 * `workspaceEdit.documentChanges`) pins it to the analysed version, so a client refuses it once the
 * document has changed.
 * @example toWorkspaceEdit(doc, [{ offset: 40, length: 8, newText: '"Process"' }], true)
 *   // { documentChanges: [{ textDocument: { uri, version }, edits: [{ range, newText: '"Process"' }] }] }
 */
export function toWorkspaceEdit(document: TextDocument, edits: readonly TextEdit[], versioned: boolean): WorkspaceEdit {
  const textEdits = edits.map((e) => ({ range: toRange(document, e.offset, e.length), newText: e.newText }));
  if (!versioned) return { changes: { [document.uri]: textEdits } };
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] };
}

/**
 * One finding -> one diagnostic.
 * @example toDiagnostic(doc, { ruleId: 'ASL003', severity: 'error', offset: 40, length: 5, ... })
 *   // { code: 'ASL003', source: 'asl-guard', severity: 1, codeDescription: { href: '.../ASL003.md' }, data: { ruleId: 'ASL003', fixIds: [...] }, ... }
 */
export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, fixIds: finding.fixes?.map((f) => f.id) ?? [] };
  const diagnostic: Diagnostic = {
    range: toRange(document, finding.offset, finding.length),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
    data,
  };
  const href = ruleMeta(finding.ruleId)?.docsUrl;
  if (href) diagnostic.codeDescription = { href };
  if (finding.tags?.length) diagnostic.tags = finding.tags.map((t) => TAG[t]);
  return diagnostic;
}

/** The diagnostics of one analysis: unsuppressed findings, or one diagnostic for an engine failure. */
export function toDiagnostics(analysis: Analysis): Diagnostic[] {
  if (analysis.error) {
    return [{
      range: toRange(analysis.document, 0, 0),
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: 'internal-error',
      message: `ASL Guard could not analyse this document (${analysis.error}). Please report this with the document's shape, not its secrets.`,
    }];
  }
  const findings = analysis.result?.findings ?? [];
  return findings.filter((f) => !f.suppressed).map((f) => toDiagnostic(analysis.document, f));
}

/** True when both lists hold equal diagnostics in the same order (every field, as the client would see them). */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => sameJson(d, b[i]));
}

/** Structural equality of JSON-like values (what goes over the wire); `undefined` fields count as absent. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let fields = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    if (!sameJson(x[key], y[key])) return false;
    fields++;
  }
  for (const key in y) if (y[key] !== undefined) fields--;
  return fields === 0;
}
