// The VS Code side: starts the language server (over IPC) once an ASL document is open, switches
// plain JSON/YAML state machines to ASL and registers the commands. Analysis happens in the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ASL_LANGUAGE_IDS, SETTINGS_SECTION, WorkspaceTrustNotification, type AslGuardInitializationOptions } from '../../protocol';
import { detectStateMachines } from './detect';
import { registerUseAslLanguage } from './commands/use-asl-language';
import { registerGeneratePolicy } from './commands/generate-policy';
import { compileCacheDir } from './compile-cache';
import { StartupTimer } from './startup-timing';
import SERVER_EXEC_ARGV from '../../protocol/server-exec-argv.json';

/** Every module of this bundle has been evaluated by now (the start-up timing's end of loading). */
const bundleEvaluated = performance.now();
let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, timer: StartupTimer): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // Node >= 22.1 keeps V8's compiled code of the server bundle on disk, so every start after the
  // first skips most of its compilation (older Node ignores the variable). In this user's own
  // extension storage, never the shared tmp folder: the server loads what it finds there.
  const cache = process.env.NODE_COMPILE_CACHE ?? compileCacheDir(context.globalStorageUri.fsPath);
  const env = cache ? { NODE_COMPILE_CACHE: cache } : {};
  // A 4 MB young generation (V8 picks up to 32 MB): measured 110-130 -> 98-100 MB resident with a
  // 1 MB definition open and no latency change (bench/lsp-compare.mjs launches the server the same way).
  const execArgv = SERVER_EXEC_ARGV;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env, execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ASL_LANGUAGE_IDS.map((language) => ({ language })),
    // No `synchronize.configurationSection`: the server registers for workspace/didChangeConfiguration
    // itself (then pulls the aslGuard.* values), and each registration makes vscode-languageclient send
    // one notification at start and one per change, so both would double them.
    // vscode-languageclient pulls diagnostics on open only unless told otherwise: pull on every change too.
    diagnosticPullOptions: { onChange: true, onSave: true },
    // Read at every (re)start: in Restricted Mode the server ignores the workspace's .asl-guard.json.
    initializationOptions: (): AslGuardInitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
    middleware: timer.middleware((line) => client?.outputChannel.appendLine(line)),
  };
  // The id makes vscode-languageclient honour `aslGuard.trace.server`.
  return new LanguageClient(SETTINGS_SECTION, 'ASL Guard', serverOptions, clientOptions);
}

/** Called by VS Code on the first ASL, JSON or YAML document or on one of the commands. */
export function activate(context: vscode.ExtensionContext): void {
  const timer = new StartupTimer(bundleEvaluated);
  // The extension also activates for every JSON/YAML file (to find state machines in them), so the
  // server process starts only when there is an ASL document to analyse.
  const start = (): LanguageClient => {
    if (client) return client;
    timer.mark('serverStarting');
    client = createClient(context, timer);
    client.start().then(() => {
      timer.mark('serverReady');
      timer.server(client?.initializeResult?.capabilities.experimental?.aslGuardStartup);
    }, (error: Error) => void vscode.window.showErrorMessage(`ASL Guard: the language server did not start: ${error.message}`));
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
    // A server started later reads isTrusted itself; a running one is told.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(WorkspaceTrustNotification, { trusted: true }).catch(() => undefined)),
    timer.register(),
  );
  vscode.workspace.textDocuments.forEach(startIfNeeded);
}

/** Stops the language server, if it was started. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
