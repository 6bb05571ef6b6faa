// TEMPORARY (removed once every agency is on MutationRunner): the pre-pipeline write API.
import type { Actor } from './actor';
import { ANONYMOUS_ACTOR } from './actor';
import type { Database } from './database';
import { MutationRunner } from './mutation';
import type { StatusChangeInput, Tx } from './tx';

export function runMutation<K>(
  options: {
    db: Database;
    agency: string;
    operation: string;
    idempotencyKey?: string | null;
    input: unknown;
    idempotencyKeyField?: string;
    actor?: Actor;
  },
  work: (tx: Tx) => Promise<K>,
): Promise<K> {
  return new MutationRunner(options.db, options.agency, options.actor ?? ANONYMOUS_ACTOR).run({
    operation: options.operation,
    input: { ...(options.input as object), idempotencyKey: options.idempotencyKey },
    keyField: options.idempotencyKeyField,
    write: (tx) => work(tx),
  });
}

export function recordStatusChange(
  tx: Tx,
  _agency: string,
  change: StatusChangeInput,
): Promise<void> {
  return tx.recordStatusChange(change);
}
