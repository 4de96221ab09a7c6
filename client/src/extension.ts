// The VS Code side: starts the language server (over IPC) once an ASL document is open, switches
// plain JSON/YAML state machines to ASL and registers the commands. Analysis happens in the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ASL_LANGUAGE_IDS, SETTINGS_SECTION } from '../../protocol';
import { detectStateMachines } from './detect';
import { registerUseAslLanguage } from './commands/use-asl-language';
import { registerGeneratePolicy } from './commands/generate-policy';

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ASL_LANGUAGE_IDS.map((language) => ({ language })),
    // Sends workspace/didChangeConfiguration when aslGuard.* changes; the server then pulls the values.
    synchronize: { configurationSection: SETTINGS_SECTION },
    // vscode-languageclient pulls diagnostics on open only unless told otherwise: pull on every change too.
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  // The id makes vscode-languageclient honour `aslGuard.trace.server`.
  return new LanguageClient(SETTINGS_SECTION, 'ASL Guard', serverOptions, clientOptions);
}

/** Called by VS Code on the first ASL, JSON or YAML document or on one of the commands. */
export function activate(context: vscode.ExtensionContext): void {
  // The extension also activates for every JSON/YAML file (to find state machines in them), so the
  // server process starts only when there is an ASL document to analyse.
  const start = (): LanguageClient => {
    if (client) return client;
    client = createClient(context);
    client.start().catch((error: Error) => void vscode.window.showErrorMessage(`ASL Guard: the language server did not start: ${error.message}`));
    return client;
  };
  const startIfNeeded = (document: vscode.TextDocument) => void (ASL_LANGUAGE_IDS.includes(document.languageId) && start());
  // Commands that talk to the server wait for it: start() resolves at once when it already runs.
  const running = async () => {
    const started = start();
    await started.start();
    return started;
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startIfNeeded),
    registerUseAslLanguage(),
    registerGeneratePolicy(running),
    detectStateMachines(),
  );
  vscode.workspace.textDocuments.forEach(startIfNeeded);
}

/** Stops the language server, if it was started. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
