// Start-up timing (issue 10: "activation to first diagnostics"): when activation began, when the
// server was started, what its process reported of its own start-up, when the client was ready and
// when each document's first diagnostics arrived. One line goes to the output channel; the e2e suite
// reads the rest through an internal command.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

/** Returns {@link StartupTimings}. Internal: registered, never contributed (in no menu or palette). */
export const STARTUP_TIMINGS_COMMAND = 'aslGuard.internal.startupTimings';

/** Set by esbuild.mjs's banner before the bundle's modules run (undefined when not bundled). */
declare const __aslGuardClientStart: number | undefined;

/** Milliseconds after activation began, except `activatedAt`, `clientBundle` and `serverCompileCache`. */
export interface StartupTimings {
  /** Wall-clock time activation began (ISO 8601). */
  activatedAt: string;
  /** How long dist/client.js took to evaluate (banner → end of extension.ts's top level), before activation. */
  clientBundle?: number;
  /** The first ASL document was seen and the language server is being started. */
  serverStarting?: number;
  /** From the server's own clock (its `initialize` result): its process started, … */
  serverProcess?: number;
  /** … its bundle began to run (Node booted, the bundle compiled), … */
  serverScript?: number;
  /** … every module of the bundle was evaluated, … */
  serverLoaded?: number;
  /** … and it handled `initialize`. */
  serverInitialize?: number;
  /** The folder of the server's Node compile cache, as the server reports it (Node >= 22.1). */
  serverCompileCache?: string;
  /** The client finished starting: `initialize` answered, features registered. */
  serverReady?: number;
  /** The first diagnostics for any document. */
  firstDiagnostics?: number;
  /** Which document that was (URI). */
  firstDocument?: string;
  /** The first diagnostics per document URI. */
  documents: Record<string, number>;
}

/** Collects {@link StartupTimings}; create it first thing in activate(). */
export class StartupTimer {
  private readonly started = performance.now();
  private readonly timings: StartupTimings;

  /** @param bundleEvaluated performance.now() at the end of the client bundle's top level. */
  constructor(bundleEvaluated: number) {
    const clientBundle = typeof __aslGuardClientStart === 'number' ? round(bundleEvaluated - __aslGuardClientStart) : undefined;
    this.timings = { activatedAt: new Date().toISOString(), clientBundle, documents: {} };
  }

  /** Records the first occurrence of a start-up step. */
  mark(step: 'serverStarting' | 'serverReady'): void {
    this.timings[step] ??= this.elapsed();
  }

  /** Records the server's own start-up timeline (`capabilities.experimental.aslGuardStartup`), if it sent one. */
  server(timeline: unknown): void {
    const t = timeline as { processStart?: unknown; scriptStart?: unknown; loaded?: unknown; initialize?: unknown; compileCache?: unknown } | undefined;
    if (typeof t?.processStart !== 'number' || this.timings.serverProcess !== undefined) return;
    // Both clocks count from their process's start (performance.timeOrigin, epoch milliseconds).
    const offset = t.processStart - (performance.timeOrigin + this.started);
    const at = (ms: unknown) => (typeof ms === 'number' ? round(offset + ms) : undefined);
    Object.assign(this.timings, { serverProcess: at(0), serverScript: at(t.scriptStart), serverLoaded: at(t.loaded), serverInitialize: at(t.initialize) });
    if (typeof t.compileCache === 'string') this.timings.serverCompileCache = t.compileCache;
  }

  /**
   * Language-client middleware that records the first diagnostics per document, pulled or pushed;
   * `log` receives one line for the very first.
   */
  middleware(log: (line: string) => void): Middleware {
    const seen = (uri: vscode.Uri) => {
      const key = uri.toString();
      if (key in this.timings.documents) return;
      const ms = (this.timings.documents[key] = this.elapsed());
      if (this.timings.firstDiagnostics !== undefined) return;
      this.timings.firstDiagnostics = ms;
      this.timings.firstDocument = key;
      const t = this.timings;
      const steps: [string, number | undefined][] = [['server started', t.serverStarting], ['process up', t.serverProcess], ['bundle running', t.serverScript],
        ['loaded', t.serverLoaded], ['initialize', t.serverInitialize], ['ready', t.serverReady]];
      const base = key.slice(key.lastIndexOf('/') + 1);
      const bundle = t.clientBundle === undefined ? '' : ` (client bundle evaluated in ${t.clientBundle.toFixed(0)} ms before it)`;
      log(`ASL Guard: first diagnostics ${ms.toFixed(0)} ms after activation${bundle} (${base}; ${steps.filter(([, v]) => v !== undefined).map(([name, v]) => `${name} at ${v!.toFixed(0)}`).join(', ')} ms)`);
    };
    return {
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && !token.isCancellationRequested) seen(document instanceof vscode.Uri ? document : document.uri);
        return report;
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        seen(uri);
        next(uri, diagnostics);
      },
    };
  }

  /** Registers {@link STARTUP_TIMINGS_COMMAND}, which returns a copy of the timings. */
  register(): vscode.Disposable {
    return vscode.commands.registerCommand(STARTUP_TIMINGS_COMMAND, (): StartupTimings => structuredClone(this.timings));
  }

  private elapsed(): number {
    return round(performance.now() - this.started);
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
