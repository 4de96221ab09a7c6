// Diagnostics for every open ASL document, re-computed on each change: answered as LSP 3.17 pull
// diagnostics when the client supports them, pushed otherwise. Results for an old version are
// never published over a newer one; bursts of changes are coalesced by the Scheduler. A pull whose
// diagnostics equal the ones the client already holds is answered `unchanged` (no re-sending).
import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type Connection, type Diagnostic, type DocumentDiagnosticReport, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver/node';
import { SLICE_MS, type AslDocuments } from '../documents';
import type { Configuration } from './configuration';
import { sameDiagnostics, toDiagnostics } from '../convert';

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
  const analyse = async (uri: string) => {
    const started = performance.now();
    const analysis = await docs.analysisInSlices(uri);
    const ms = performance.now() - started;
    if (analysis?.error) connection.console.error(`Analysis of ${uri} v${analysis.version} failed: ${analysis.error}`);
    else if (ms > SLOW_MS) connection.console.log(`Analysis of ${uri} v${analysis?.version} took ${ms.toFixed(0)} ms (in slices of ${SLICE_MS} ms).`);
    return analysis;
  };

  if (usesPullDiagnostics(params)) {
    /** Per document: the last full report sent, and the analysis (version.generation) it still describes. */
    const sent = new Map<string, { resultId: string; analysed: string; items: Diagnostic[] }>();
    docs.documents.onDidClose((e) => sent.delete(e.document.uri));
    connection.languages.diagnostics.on(async (p, token): Promise<DocumentDiagnosticReport> => {
      await settled;
      const uri = p.textDocument.uri;
      // Waits until no newer change is queued (and the client's cancellation of this request has had a chance to land).
      const analysis = (await docs.settle(uri, token)) ? await analyse(uri) : undefined;
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Superseded by a newer request.');
      if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const analysed = `${analysis.version}.${analysis.generation}`;
      const last = sent.get(uri);
      const holds = !!last && p.previousResultId === last.resultId;
      if (holds && last.analysed === analysed) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
      const items = toDiagnostics(analysis);
      if (holds && sameDiagnostics(items, last.items)) {
        last.analysed = analysed;
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
      }
      sent.set(uri, { resultId: analysed, analysed, items });
      return { kind: DocumentDiagnosticReportKind.Full, resultId: analysed, items };
    });
    const canRefresh = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    config.onDidChange(() => void (canRefresh && connection.languages.diagnostics.refresh()));
    return;
  }

  const published = new Map<string, number>();
  const publish = async (uri: string) => {
    try {
      const analysis = await analyse(uri);
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
  docs.documents.onDidChangeContent((e) => ready && docs.scheduler.schedule(e.document.uri, (uri) => void publish(uri)));
  docs.documents.onDidClose((e) => {
    published.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  const all = () => docs.all().forEach((d) => docs.scheduler.schedule(d.uri, (uri) => void publish(uri)));
  void settled.then(all);
  config.onDidChange(all);
}
