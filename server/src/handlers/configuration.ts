// Configuration: client settings (workspace/configuration, or the didChangeConfiguration payload
// for clients without it) merged over each workspace folder's `.asl-guard.json` by core's loadConfig.
// Every change bumps a generation and re-validates; problems are shown once, never thrown. While the
// client says the workspace is not trusted (VS Code's Restricted Mode), no `.asl-guard.json` is read.
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, type Connection, type InitializeParams } from 'vscode-languageserver/node';
import { loadConfig, type ResolvedConfig } from '../../../core';
import { CONFIG_FILE_NAME, SETTINGS_SECTION, toUserConfig, type AslGuardInitializationOptions } from '../../../protocol';
import { readConfigFile } from '../config-file';
import { WorkspaceTrust } from '../workspace-trust';
import type { ConfigSource } from '../documents';

/** The configuration per document, kept current with the client's settings and `.asl-guard.json`. */
export class Configuration implements ConfigSource {
  generation = 0;
  /** Resolves once the first settings have arrived (or could not be fetched). */
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private settings: unknown;
  private folders: string[] = [];
  private pull = false;
  private readonly trust: WorkspaceTrust;
  private refreshes = 0;
  private readonly resolved = new Map<string, ResolvedConfig>();
  private readonly reported = new Set<string>();
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly connection: Connection) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.trust = new WorkspaceTrust(connection, () => void this.refresh(undefined));
  }

  /** Reads the client's capabilities and workspace folders from `initialize`. */
  initialize(params: InitializeParams): void {
    this.pull = !!params.capabilities.workspace?.configuration;
    this.folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const options = params.initializationOptions as AslGuardInitializationOptions | undefined;
    this.settings = options?.settings;
    this.trust.initialize(options);
    const caps = params.capabilities.workspace;
    this.connection.onInitialized(() => {
      if (caps?.didChangeConfiguration?.dynamicRegistration) void this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      if (caps?.didChangeWatchedFiles?.dynamicRegistration) void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
      if (caps?.workspaceFolders) this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        this.folders = [...this.folders.filter((f) => !e.removed.some((r) => r.uri === f)), ...e.added.map((a) => a.uri)];
        void this.refresh(undefined);
      });
      void this.refresh(undefined, false).finally(this.markReady);
    });
    if (!this.pull) this.markReady();
    // VS Code also sends didChangeConfiguration when the server registers for it: only a real
    // difference re-validates (a needless refresh would cancel the first diagnostics pull).
    this.connection.onDidChangeConfiguration((p) => void this.refresh((p.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION], true, false));
    this.connection.onDidChangeWatchedFiles(() => void this.refresh(undefined));
  }

  /** Called after every configuration change, once the new configuration is in place. */
  onDidChange(listener: () => void): void { this.listeners.push(listener); }

  /** The merged configuration for a document: its folder's file, then the settings. */
  configFor(uri: string): ResolvedConfig {
    const folder = this.folders.filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0] ?? '';
    let config = this.resolved.get(folder);
    if (config) return config;
    const file = folder && this.trust.allowsConfigFiles() ? readConfigFile(folder) : undefined;
    const settings = toUserConfig(this.settings);
    if (file) this.report(file.path, [...file.problems, ...loadConfig(file.content).problems]);
    this.report('settings', loadConfig(settings).problems);
    config = loadConfig(file?.content, settings).config;
    this.resolved.set(folder, config);
    return config;
  }

  /** @param always false when unchanged settings are no change (a `.asl-guard.json` edit always is one) */
  private async refresh(pushed: unknown, notify = true, always = true): Promise<void> {
    const before = JSON.stringify(this.settings ?? null);
    const refresh = ++this.refreshes;
    if (this.pull) {
      const settings: unknown = await this.connection.workspace.getConfiguration(SETTINGS_SECTION).catch((error: Error) => {
        this.connection.console.warn(`Could not fetch the ${SETTINGS_SECTION} settings: ${error.message}`);
        return this.settings;
      });
      if (refresh !== this.refreshes) return; // a newer refresh started while this one waited
      this.settings = settings;
    } else if (pushed !== undefined) {
      this.settings = pushed;
    }
    if (!always && notify && JSON.stringify(this.settings ?? null) === before) return;
    this.resolved.clear();
    this.generation++;
    if (!notify) return; // the first configuration is not a change: diagnostics wait for `ready` instead
    this.connection.console.log(`Configuration changed; re-validating open documents.`);
    for (const listener of this.listeners) listener();
  }

  /** Shows each distinct set of problems once per session (settings typed once should not nag on every keystroke). */
  private report(source: string, problems: string[]): void {
    if (!problems.length) return;
    const text = `ASL Guard: ${source === 'settings' ? `the ${SETTINGS_SECTION} settings have problems` : source}: ${problems.join(' ')}`;
    if (this.reported.has(text)) return;
    this.reported.add(text);
    this.connection.console.warn(text);
    // A notification, not window/showMessageRequest: nothing to answer, and every client shows it.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
  }
}
