// Workspace trust as the client reports it (VS Code's Restricted Mode): while the workspace is not
// trusted, its `.asl-guard.json` must not decide which rules run for the person reviewing it.
import type { Connection } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, WorkspaceTrustNotification, type AslGuardInitializationOptions } from '../../protocol';

/** Whether workspace configuration files may be read; clients that say nothing are trusted. */
export class WorkspaceTrust {
  private trusted = true;
  private logged = false;

  /** @param onChange called when the client reports a different trust (the configuration is re-read) */
  constructor(private readonly connection: Connection, private readonly onChange: () => void) {}

  /** Takes `workspaceTrusted` from `initialize` and listens for `asl/workspaceTrust`. */
  initialize(options: AslGuardInitializationOptions | undefined): void {
    this.trusted = options?.workspaceTrusted !== false;
    this.connection.onNotification(WorkspaceTrustNotification, (p) => {
      if (typeof p?.trusted !== 'boolean' || p.trusted === this.trusted) return;
      this.trusted = p.trusted;
      this.connection.console.log(`Workspace ${p.trusted ? 'trusted: reading' : 'no longer trusted: ignoring'} ${CONFIG_FILE_NAME}.`);
      this.onChange();
    });
  }

  /** True when `.asl-guard.json` may be read; the first refusal is logged (not shown: nothing to do about it). */
  allowsConfigFiles(): boolean {
    if (!this.trusted && !this.logged) {
      this.logged = true;
      this.connection.console.log(`Restricted Mode: ${CONFIG_FILE_NAME} in the workspace folders is not read until the workspace is trusted.`);
    }
    return this.trusted;
  }
}
