// The ASL Guard language server: creates the connection (stdio, IPC or socket, from argv),
// registers one handler per LSP feature and listens. Everything else lives in handlers/.
import * as nodeModule from 'node:module';
import { createConnection, ProposedFeatures, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { AslDocuments } from './documents';
import { dispatched } from './dispatch';
import { Configuration } from './handlers/configuration';
import { diagnosticsCapability, registerDiagnostics } from './handlers/diagnostics';
import { registerSymbols } from './handlers/symbols';
import { registerDefinition } from './handlers/definition';
import { registerReferences } from './handlers/references';
import { codeActionsCapability, registerCodeActions } from './handlers/code-actions';
import { registerGeneratePolicy } from './handlers/generate-policy';

declare const __ASL_GUARD_VERSION__: string | undefined;
/** Set by esbuild.mjs's banner before the bundle's modules run (undefined when not bundled). */
declare const __aslGuardScriptStart: number | undefined;
/** Every import has been evaluated by now: milliseconds since this process started. */
const loadedAt = performance.now();
const VERSION = typeof __ASL_GUARD_VERSION__ === 'string' ? __ASL_GUARD_VERSION__ : 'dev';
const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (args.includes('--help')) {
  process.stdout.write('Usage: asl-guard-language-server [--stdio | --node-ipc | --socket=<port>]\nSpeaks LSP; with no option it uses stdio.\n');
  process.exit(0);
}
// As a bin entry the usual invocation is a bare command; default to stdio rather than fail.
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all, { messageStrategy: dispatched });
const config = new Configuration(connection);
const docs = new AslDocuments(config, () => dispatched.count);

connection.onInitialize((params): InitializeResult => {
  scheduleCompileCacheFlush();
  config.initialize(params);
  registerDiagnostics(connection, docs, config, params);
  registerCodeActions(connection, docs, params);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'ASL states' },
      definitionProvider: true,
      referencesProvider: true,
      codeActionProvider: codeActionsCapability,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...diagnosticsCapability(params),
      // Where this process's start-up went (ms since it started, and when that was), for the client's
      // activation → first diagnostics timing (client/src/startup-timing.ts).
      experimental: { aslGuardStartup: startupTimeline() },
    },
    serverInfo: { name: 'asl-guard-language-server', version: VERSION },
  };
});

registerSymbols(connection, docs);
registerDefinition(connection, docs);
registerReferences(connection, docs);
registerGeneratePolicy(connection, docs);

// A thrown handler must never take the server down with it; the client sees the error response.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught ${error.name}: ${error.stack?.split('\n')[1]?.trim() ?? ''}`));

function startupTimeline(): { processStart: number; scriptStart?: number; loaded: number; initialize: number; compileCache?: string } {
  const scriptStart = typeof __aslGuardScriptStart === 'number' ? __aslGuardScriptStart : undefined;
  // The folder Node really uses for the compile cache (the extension-host tests check where it is).
  const compileCache = (nodeModule as { getCompileCacheDir?: () => string | undefined }).getCompileCacheDir?.();
  return { processStart: performance.timeOrigin, scriptStart, loaded: loadedAt, initialize: performance.now(), compileCache };
}

/**
 * With NODE_COMPILE_CACHE set (the VS Code client sets it; Node >= 22.1), Node writes the compiled code
 * at exit. Writing it once start-up and the first analyses are done lets a window opened before this
 * server exits start from it too.
 */
function scheduleCompileCacheFlush(): void {
  const cache = nodeModule as { getCompileCacheDir?: () => string | undefined; flushCompileCache?: () => void };
  if (cache.getCompileCacheDir?.()) setTimeout(() => cache.flushCompileCache?.(), 3000).unref();
}

docs.documents.listen(connection);
connection.listen();
