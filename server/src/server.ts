// The ASL Guard language server: creates the connection (stdio, IPC or socket, from argv),
// registers one handler per LSP feature and listens. Everything else lives in handlers/.
import { createConnection, ProposedFeatures, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { AslDocuments } from './documents';
import { Configuration } from './handlers/configuration';
import { diagnosticsCapability, registerDiagnostics } from './handlers/diagnostics';
import { registerSymbols } from './handlers/symbols';
import { registerDefinition } from './handlers/definition';
import { registerReferences } from './handlers/references';
import { codeActionsCapability, registerCodeActions } from './handlers/code-actions';
import { registerGeneratePolicy } from './handlers/generate-policy';

declare const __ASL_GUARD_VERSION__: string | undefined;
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

const connection = createConnection(ProposedFeatures.all);
const config = new Configuration(connection);
const docs = new AslDocuments(config);

connection.onInitialize((params): InitializeResult => {
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

docs.documents.listen(connection);
connection.listen();
