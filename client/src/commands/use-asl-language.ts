// "ASL Guard: Treat Current File as ASL": switches the active editor's document to `asl` (JSON)
// or `asl-yaml` (YAML), whatever its content, so the language server analyses it.
import * as vscode from 'vscode';
import { aslLanguageFor, ASL_JSON, ASL_LANGUAGE_IDS, ASL_YAML, USE_ASL_LANGUAGE } from '../../../protocol';

/** Registers `aslGuard.useAslLanguage`. */
export function registerUseAslLanguage(): vscode.Disposable {
  return vscode.commands.registerCommand(USE_ASL_LANGUAGE, async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('ASL Guard: open a JSON or YAML file first.');
      return;
    }
    if (ASL_LANGUAGE_IDS.includes(document.languageId)) return;
    const target = aslLanguageFor(document.languageId) ?? (/\.ya?ml$/i.test(document.fileName) ? ASL_YAML : ASL_JSON);
    await vscode.languages.setTextDocumentLanguage(document, target);
  });
}
