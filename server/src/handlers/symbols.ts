// textDocument/documentSymbol: the states as an outline, nested under their Parallel branch or
// Map item processor, so the editor's outline and breadcrumbs follow the workflow's structure.
import { SymbolKind, type Connection, type DocumentSymbol } from 'vscode-languageserver/node';
import { redactSecrets, type Scope, type State } from '../../../core';
import type { AslDocuments } from '../documents';
import { toRange } from '../convert';

const KIND: Record<string, SymbolKind> = {
  Task: SymbolKind.Function,
  Pass: SymbolKind.Variable,
  Choice: SymbolKind.Enum,
  Wait: SymbolKind.Event,
  Succeed: SymbolKind.Constant,
  Fail: SymbolKind.Constant,
  Parallel: SymbolKind.Module,
  Map: SymbolKind.Array,
};

const SCOPE_LABEL: Record<Scope['kind'], string> = { root: 'States', branch: 'Branch', 'item-processor': 'ItemProcessor', iterator: 'Iterator' };

/** Answers textDocument/documentSymbol with a hierarchical outline. */
export function registerSymbols(connection: Connection, docs: AslDocuments): void {
  connection.onDocumentSymbol(async (params, token) => {
    const analysis = await docs.latest(params.textDocument.uri, token);
    const model = analysis?.result?.model;
    if (!analysis || !model) return [];
    const document = analysis.document;
    const range = (offset: number, length: number) => toRange(document, offset, length);

    const stateSymbol = (state: State): DocumentSymbol => {
      // The property node spans the key and the state object, so nested symbols stay inside it.
      const span = state.keyNode.parent ?? state.node;
      const branches = state.children.filter((c) => c.kind === 'branch');
      return {
        name: redactSecrets(state.name) || '""',
        detail: state.type ?? 'state',
        kind: KIND[state.type ?? ''] ?? SymbolKind.Object,
        range: range(span.offset, span.length),
        selectionRange: range(state.keyNode.offset, state.keyNode.length),
        children: state.children.map((scope) => scopeSymbol(scope, branches.length > 1 ? ` ${branches.indexOf(scope) + 1}` : '')),
      };
    };
    const scopeSymbol = (scope: Scope, suffix: string): DocumentSymbol => ({
      name: `${SCOPE_LABEL[scope.kind]}${scope.kind === 'branch' ? suffix : ''}`,
      detail: scope.startAt ? `StartAt ${scope.startAt.name}` : '',
      kind: SymbolKind.Namespace,
      range: range(scope.node.offset, scope.node.length),
      selectionRange: range(scope.node.offset, 1),
      children: scope.list.map(stateSymbol),
    });
    return model.scope.list.map(stateSymbol);
  });
}
