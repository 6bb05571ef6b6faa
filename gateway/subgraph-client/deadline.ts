/**
 * The request deadline: the moment (epoch ms) after which no further subgraph fetch of an
 * operation is sent. An operation whose plan runs several fetches one after another (an entity
 * fetch waits for the keys of the one before) is bounded as a whole, not only fetch by fetch.
 */
export interface RequestDeadline {
  /** When the operation's time is up (epoch ms). */
  at: number;
  /** What was granted (ms), for the client's message. */
  budgetMs: number;
}

export function deadlineIn(budgetMs: number, now = Date.now()): RequestDeadline {
  return { at: now + budgetMs, budgetMs };
}

/** Milliseconds left before the deadline; Infinity without one. */
export function remainingMs(deadline: RequestDeadline | undefined, now = Date.now()): number {
  return deadline ? deadline.at - now : Infinity;
}
