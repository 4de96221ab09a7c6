// Switches plain JSON/YAML documents that are state machines (root has StartAt and States) to the
// ASL languages. core's looksLikeStateMachine decides, from the decoded root keys (imported from
// core/detect, which keeps the analysis engine out of the client bundle; it has its own cheap pre-test).
import * as vscode from 'vscode';
import { looksLikeStateMachine } from '../../core/detect';
import { aslLanguageFor, ASL_YAML, SETTINGS_SECTION } from '../../protocol';

/** Larger documents are left alone: AWS caps a definition at 1 MB. */
const MAX_CHARS = 2_000_000;

/** True when the document is plain JSON/YAML whose content is a state machine definition. */
export function isStateMachineDocument(document: vscode.TextDocument): boolean {
  const target = aslLanguageFor(document.languageId);
  if (!target) return false;
  const text = document.getText();
  if (text.length > MAX_CHARS) return false;
  return looksLikeStateMachine(text, target === ASL_YAML ? 'yaml' : 'json');
}

/** Watches opened documents and switches state machines to ASL while `aslGuard.detectStateMachines` is on. */
export function detectStateMachines(): vscode.Disposable {
  // Documents switched once and then switched back by the user keep the user's choice.
  const switched = new Set<string>();
  const check = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    if (switched.has(key) || !vscode.workspace.getConfiguration(SETTINGS_SECTION, document).get<boolean>('detectStateMachines', true)) return;
    if (!isStateMachineDocument(document)) return;
    switched.add(key);
    void vscode.languages.setTextDocumentLanguage(document, aslLanguageFor(document.languageId)!);
  };
  vscode.workspace.textDocuments.forEach(check);
  // Saving re-checks too: a new file becomes a state machine only once StartAt and States are typed.
  return vscode.Disposable.from(vscode.workspace.onDidOpenTextDocument(check), vscode.workspace.onDidSaveTextDocument(check));
}
