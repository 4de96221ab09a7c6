// textDocument/definition: from a StartAt, Next, Default, Choice rule Next or Catch Next value to
// the state it names (in the same scope). On a state's own key it answers the key itself, which
// lets VS Code fall back to "find references".
import type { Connection, Location } from 'vscode-languageserver/node';
import type { AslDocuments } from '../documents';
import { toRange } from '../convert';
import { declarationOf, nameAt } from '../navigation';

/** Answers textDocument/definition. */
export function registerDefinition(connection: Connection, docs: AslDocuments): void {
  connection.onDefinition(async (params, token): Promise<Location | null> => {
    const analysis = await docs.forRequest(params.textDocument.uri, token);
    if (!analysis?.result) return null;
    const at = nameAt(analysis.result.model, analysis.document.offsetAt(params.position));
    const target = at && declarationOf(at);
    if (!target) return null;
    return { uri: analysis.uri, range: toRange(analysis.document, target.offset, target.length) };
  });
}
