// A real LSP client for the integration tests: spawns `node dist/server.js --stdio` (built first
// when stale) and speaks JSON-RPC to it through vscode-languageserver-protocol's client side.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification,
  InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification, RegistrationRequest, ShowMessageNotification,
  ShutdownRequest, StreamMessageReader, StreamMessageWriter, type ClientCapabilities, type InitializeResult,
  type ProtocolConnection, type PublishDiagnosticsParams, type ShowMessageParams, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** The repository root. */
export const ROOT = join(__dirname, '..', '..');
/** The server bundle the tests start. */
export const SERVER_JS = join(ROOT, 'dist', 'server.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(path) : stat.mtimeMs);
  }
  return newest;
}

/** Builds dist/ when dist/server.js is missing or older than its sources (one build at a time across test files). */
export function ensureServerBuilt(): void {
  const fresh = () => existsSync(SERVER_JS) && statSync(SERVER_JS).mtimeMs >= Math.max(...['server/src', 'core', 'protocol'].map((d) => newestMtime(join(ROOT, d))));
  if (fresh()) return;
  const lock = join(tmpdir(), 'asl-guard-server-build.lock');
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 60_000) rmSync(lock, { recursive: true, force: true });
      spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 100)']);
    }
  }
  try {
    if (fresh()) return;
    const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** How TestClient.start sets the client up. */
export interface StartOptions {
  /** Advertise textDocument.diagnostic (pull diagnostics). */
  pull?: boolean;
  /** Advertise workspace.configuration; the client then answers with `settings` (default true). */
  configuration?: boolean;
  /** The aslGuard section the client answers workspace/configuration with. */
  settings?: unknown;
  workspaceFolders?: { uri: string; name: string }[];
  initializationOptions?: unknown;
  /** Another server bundle (e.g. the one inside the .vsix); default dist/server.js, built when stale. */
  serverPath?: string;
  /** Advertise workspace.workspaceEdit.documentChanges (versioned edits in code actions). */
  documentChanges?: boolean;
}

/** One running server and the client's view of it. */
export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: string[] = [];
  stderr = '';
  settings: unknown;
  initializeResult!: InitializeResult;
  private readonly waiters = new Set<() => void>();
  private readonly versions = new Map<string, number>();

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection) {}

  static async start(options: StartOptions = {}): Promise<TestClient> {
    if (!options.serverPath) ensureServerBuilt();
    const child = spawn(process.execPath, [options.serverPath ?? SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection);
    client.settings = options.settings ?? {};
    child.stderr!.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => client.record(() => client.published.push(p)));
    connection.onNotification(ShowMessageNotification.type, (p) => client.record(() => client.messages.push(p)));
    connection.onNotification(LogMessageNotification.type, (p) => client.record(() => client.logs.push(p.message)));
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) => (item.section === 'aslGuard' ? client.settings : null)));
    connection.onRequest(RegistrationRequest.type, (p) => void client.registrations.push(...p.registrations.map((r) => r.method)));
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.configuration ?? true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
        diagnostics: { refreshSupport: !!options.pull },
        workspaceEdit: { documentChanges: !!options.documentChanges },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      window: { showMessage: {} },
    };
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private record(push: () => void): void {
    push();
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves when `check` returns a value (checked now and after every notification), or rejects after `ms`. */
  waitFor<T>(check: () => T | undefined | false, what: string, ms = 30_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const test = () => {
        const value = check();
        if (value === undefined || value === false) return;
        clearTimeout(timer);
        this.waiters.delete(test);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(test);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}; stderr: ${this.stderr.slice(0, 2000)}`));
      }, ms);
      this.waiters.add(test);
      test();
    });
  }

  /** The diagnostics published for `uri` at `version` (waits for them). */
  diagnosticsFor(uri: string, version: number, ms?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.published.find((p) => p.uri === uri && p.version === version), `diagnostics of ${uri} v${version}`, ms);
  }

  async open(uri: string, text: string, languageId = 'asl'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends one didChange with the next version; returns that version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: unknown, pushed?: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: pushed ?? null });
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    if (this.alive) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
      await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      if (this.alive) this.child.kill();
    }
    this.connection.dispose();
  }
}

/** Offset -> LSP position in `text`. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The LSP position of the `nth` (0-based) occurrence of `needle`, plus `delta` characters. */
export function positionOfText(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" #${nth} not found`);
  }
  return positionOf(text, index + delta);
}
