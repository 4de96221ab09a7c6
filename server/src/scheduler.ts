// Coalesces bursts of changes without a fixed debounce. vscode-jsonrpc dispatches one queued
// message per setImmediate turn, so a document counts as settled only after a turn in which no
// newer version of it arrived and no message at all was dispatched (the queue is empty: a change
// cannot be waiting behind a request). The first change is answered on the next turns, a burst
// only at its end, and work (a push validation, a pull request, any other request) never starts
// on a version that already has a newer change queued behind it.

/**
 * How long a steady stream of changes may postpone work before the latest version is used anyway.
 * Only time spent receiving changes counts: a turn spent on work this scheduler released (another
 * document's analysis) does not, or changes queued behind that work would look like a long stream.
 */
export const MAX_DEFER_MS = 100;

interface Pending {
  /** The version seen at the previous turn (-1 before the first turn). */
  seen: number;
  /** How long newer versions have kept this entry waiting. */
  deferred: number;
  /** The push validation asked for with `schedule`, if any. */
  run?: (uri: string) => void;
  /** Requests waiting with `settled`: told true when settled, false when the document closed. */
  waiters: ((open: boolean) => void)[];
}

/** Waits per document for the event-loop turn after its changes stop arriving. */
export class Scheduler {
  private readonly pending = new Map<string, Pending>();
  private armed = false;
  private lastTurn = Date.now();
  private lastDispatched = 0;
  /** True when the previous turn released work, whose duration must not count as deferral. */
  private released = false;

  /**
   * @param versionOf the current version of an open document, undefined once it is closed
   * @param dispatched how many messages the connection has dispatched so far (see dispatch.ts);
   *   without it only the versions tell whether more changes may be queued
   */
  constructor(
    private readonly versionOf: (uri: string) => number | undefined,
    private readonly dispatched: () => number = () => 0,
  ) {}

  /** Runs `run(uri)` once the document settles; repeated calls before then coalesce into one run (the last `run` wins). */
  schedule(uri: string, run: (uri: string) => void): void {
    this.entry(uri).run = run;
    this.arm();
  }

  /** Resolves true once the document has settled (a turn with no newer version and an empty queue), false if it closed first. */
  settled(uri: string): Promise<boolean> {
    return new Promise((resolve) => {
      this.entry(uri).waiters.push(resolve);
      this.arm();
    });
  }

  /** Forgets a document (closed): its run is dropped and its waiters are told it closed. */
  cancel(uri: string): void {
    const entry = this.pending.get(uri);
    this.pending.delete(uri);
    entry?.waiters.forEach((resolve) => resolve(false));
  }

  private entry(uri: string): Pending {
    let entry = this.pending.get(uri);
    if (!entry) this.pending.set(uri, (entry = { seen: -1, deferred: 0, waiters: [] }));
    return entry;
  }

  /** Starts the turns when they are not running; the time before does not count as deferral. */
  private arm(): void {
    if (this.armed) return;
    this.lastTurn = Date.now();
    this.lastDispatched = this.dispatched();
    this.released = false;
    this.next();
  }

  private next(): void {
    this.armed = true;
    setImmediate(() => this.turn());
  }

  private turn(): void {
    const now = Date.now();
    const elapsed = this.released ? 0 : now - this.lastTurn;
    this.lastTurn = now;
    const dispatched = this.dispatched();
    const busy = dispatched !== this.lastDispatched; // a message was dispatched since the last turn: the queue may hold more
    this.lastDispatched = dispatched;
    let fired = false;
    for (const [uri, entry] of this.pending) {
      const version = this.versionOf(uri);
      if (version === undefined) {
        this.cancel(uri);
      } else if ((version !== entry.seen || busy) && (entry.deferred += elapsed) < MAX_DEFER_MS) {
        entry.seen = version; // changed, or other messages keep coming: more changes may be queued behind them
      } else if (!fired) {
        // One document per turn: its analysis may be long, and changes to the others that arrive
        // meanwhile must land before they are analysed.
        fired = true;
        this.pending.delete(uri);
        entry.run?.(uri);
        entry.waiters.forEach((resolve) => resolve(true));
      }
    }
    this.released = fired;
    this.armed = false;
    if (this.pending.size) this.next();
  }
}
