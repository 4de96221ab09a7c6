// Diagnostics for every open ASL document, re-computed on each change: answered as LSP 3.17 pull
// diagnostics when the client supports them, pushed otherwise. Results for an old version are
// never published over a newer one; bursts of changes are coalesced by the Scheduler.
import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type Connection, type DocumentDiagnosticReport, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver/node';
import type { AslDocuments } from '../documents';
import type { Configuration } from './configuration';
import { toDiagnostics } from '../convert';
import { Scheduler } from '../scheduler';

/** How long diagnostics wait for the client's first settings before using the defaults. */
const SETTINGS_WAIT_MS = 2000;
/** Analyses slower than this are logged to the client's output channel. */
const SLOW_MS = 250;

/** True when the client can pull diagnostics (textDocument/diagnostic). */
export function usesPullDiagnostics(params: InitializeParams): boolean {
  return !!params.capabilities.textDocument?.diagnostic;
}

/** The capability to announce: a diagnostic provider for pull clients, nothing for push clients. */
export function diagnosticsCapability(params: InitializeParams): Partial<ServerCapabilities> {
  return usesPullDiagnostics(params) ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {};
}

/** Answers textDocument/diagnostic (pull clients) or publishes diagnostics after each change (push clients). */
export function registerDiagnostics(connection: Connection, docs: AslDocuments, config: Configuration, params: InitializeParams): void {
  let ready = false;
  const settled = Promise.race([config.ready, new Promise((resolve) => setTimeout(resolve, SETTINGS_WAIT_MS))]).then(() => (ready = true));
  const analyse = (uri: string) => {
    const started = performance.now();
    const analysis = docs.analysis(uri);
    const ms = performance.now() - started;
    if (analysis?.error) connection.console.error(`Analysis of ${uri} v${analysis.version} failed: ${analysis.error}`);
    else if (ms > SLOW_MS) connection.console.log(`Analysis of ${uri} v${analysis?.version} took ${ms.toFixed(0)} ms.`);
    return analysis;
  };

  if (usesPullDiagnostics(params)) {
    connection.languages.diagnostics.on(async (p, token): Promise<DocumentDiagnosticReport> => {
      await settled;
      // One turn lets an already queued newer change (and the client's cancellation of this request) land first.
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Superseded by a newer request.');
      const analysis = analyse(p.textDocument.uri);
      if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const resultId = `${analysis.version}.${analysis.generation}`;
      if (p.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: toDiagnostics(analysis) };
    });
    const canRefresh = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    config.onDidChange(() => void (canRefresh && connection.languages.diagnostics.refresh()));
    return;
  }

  const published = new Map<string, number>();
  const publish = (uri: string) => {
    try {
      const analysis = analyse(uri);
      const current = docs.get(uri);
      // Stale: a newer version arrived while this one was analysed; that version has its own turn.
      if (!analysis || !current || current.version !== analysis.version) return;
      if ((published.get(uri) ?? -Infinity) > analysis.version) return;
      published.set(uri, analysis.version);
      void connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: toDiagnostics(analysis) });
    } catch (error) {
      connection.console.error(`Publishing diagnostics for ${uri} failed: ${(error as Error).name}`);
    }
  };
  const scheduler = new Scheduler((uri) => docs.get(uri)?.version, publish);
  docs.documents.onDidChangeContent((e) => ready && scheduler.schedule(e.document.uri));
  docs.documents.onDidClose((e) => {
    scheduler.cancel(e.document.uri);
    published.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  const all = () => docs.all().forEach((d) => scheduler.schedule(d.uri));
  void settled.then(all);
  config.onDidChange(all);
}
