// Counts the messages vscode-jsonrpc takes off its queue. It dispatches one per event-loop turn,
// so a turn in which the count did not move means the queue is empty: no change can be waiting
// behind the request being served. The Scheduler uses this to tell "settled" from "busy".
import type { MessageStrategy } from 'vscode-languageserver/node';

/** A MessageStrategy for createConnection that counts dispatched messages and changes nothing else. */
export class DispatchCounter implements MessageStrategy {
  count = 0;

  handleMessage: MessageStrategy['handleMessage'] = (message, next) => {
    this.count++;
    return next(message);
  };
}

/** The one counter of the server's connection. */
export const dispatched = new DispatchCounter();
