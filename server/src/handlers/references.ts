// textDocument/references: every StartAt and transition that names a state, from the state's key
// or from any of those mentions; the key itself when the client asks to include the declaration.
import type { Connection, Location } from 'vscode-languageserver/node';
import type { AslDocuments } from '../documents';
import { toRange } from '../convert';
import { declarationOf, mentionsOf, nameAt } from '../navigation';

/** Answers textDocument/references. */
export function registerReferences(connection: Connection, docs: AslDocuments): void {
  connection.onReferences(async (params, token): Promise<Location[]> => {
    const analysis = await docs.forRequest(params.textDocument.uri, token);
    if (!analysis?.result) return [];
    const at = nameAt(analysis.result.model, analysis.document.offsetAt(params.position));
    if (!at) return [];
    const declaration = params.context.includeDeclaration ? declarationOf(at) : undefined;
    const nodes = declaration ? [declaration, ...mentionsOf(at)] : mentionsOf(at);
    return nodes.map((node) => ({ uri: analysis.uri, range: toRange(analysis.document, node.offset, node.length) }));
  });
}
