// Coalesces bursts of changes without a fixed debounce. vscode-jsonrpc dispatches one queued
// message per setImmediate turn, so a document is validated only after a turn in which no newer
// version of it arrived: the first change is answered on the next turn, a burst only at its end.

/** How long a steady stream of changes may postpone validation before the latest version is validated anyway. */
export const MAX_DEFER_MS = 100;

interface Pending {
  /** The version seen at the previous turn (-1 before the first turn). */
  seen: number;
  since: number;
}

/** Runs a validation per document on the event-loop turn after its changes stop arriving. */
export class Scheduler {
  private readonly pending = new Map<string, Pending>();
  private armed = false;

  /**
   * @param versionOf the current version of an open document, undefined once it is closed
   * @param run validates the document's current version
   */
  constructor(
    private readonly versionOf: (uri: string) => number | undefined,
    private readonly run: (uri: string) => void,
  ) {}

  /** Asks for a validation of the document's latest version; repeated calls coalesce. */
  schedule(uri: string): void {
    if (!this.pending.has(uri)) this.pending.set(uri, { seen: -1, since: Date.now() });
    this.arm();
  }

  /** Forgets a document (closed). */
  cancel(uri: string): void {
    this.pending.delete(uri);
  }

  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    setImmediate(() => this.turn());
  }

  private turn(): void {
    this.armed = false;
    for (const [uri, entry] of [...this.pending]) {
      const version = this.versionOf(uri);
      if (version === undefined) {
        this.pending.delete(uri);
      } else if (version !== entry.seen && Date.now() - entry.since < MAX_DEFER_MS) {
        entry.seen = version; // changed since the last turn: more may be queued behind it
      } else {
        this.pending.delete(uri);
        this.run(uri);
      }
    }
    if (this.pending.size) this.arm();
  }
}
