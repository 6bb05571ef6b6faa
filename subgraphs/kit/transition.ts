import type DataLoader from 'dataloader';
import { badUserInput, notFound, versionConflict } from './errors';
import type { StateMachine } from './state-machine';
import type { Tx } from './tx';

/** A record a mutation changes: its optimistic-concurrency version. */
export interface Versioned {
  version: number;
}

/** A record with a lifecycle: its status, which a state machine governs. */
export interface Stateful<S extends string> extends Versioned {
  status: S;
}

/** The version a record is created at (the migrations' `DEFAULT 1`), so 0 is never one. */
export const FIRST_VERSION = 1;

/**
 * `expectedVersion` as a caller may send it: absent, or a whole number a record can be at, from
 * `first` on. Anything else (0, a negative or fractional number) is BAD_USER_INPUT: a version that
 * no record can have is a malformed input to correct, not a stale read (CONFLICT) to re-read.
 * Every mutation's `expectedVersion` is checked here, by the kit's write pipeline.
 */
export function validExpectedVersion(
  value: number | null | undefined,
  field: string,
  first = FIRST_VERSION,
): number | null {
  if (value == null) return null;
  if (!Number.isSafeInteger(value) || value < first) {
    throw badUserInput(
      `expectedVersion must be a whole number of at least ${first} (the \`version\` you read), got ${value}`,
      field,
    );
  }
  return value;
}

/**
 * CONFLICT unless the record is at the version the caller read (when the caller said which): the
 * one place `expectedVersion` is compared.
 */
export function checkExpectedVersion(
  entity: string,
  id: string,
  expected: number | null | undefined,
  actual: number,
): void {
  if (expected != null && expected !== actual) throw versionConflict(entity, id, expected, actual);
}

export interface LockSpec<R extends Versioned> {
  /** The entity's name, in errors and history (e.g. `Facility`). */
  entity: string;
  /** The record's id, in errors and history. */
  id: string;
  /** Reads the record `FOR UPDATE` in the mutation's transaction; null when there is none. */
  lock: () => Promise<R | null>;
  /** What to say when there is none, and which input field named it. */
  missing: { message: string; field: string };
  /** The version the caller read, if it said. */
  expectedVersion?: number | null;
}

/** Locks the record for a change and checks the caller's version: NOT_FOUND or CONFLICT otherwise. */
export async function lockForChange<R extends Versioned>(spec: LockSpec<R>): Promise<R> {
  const current = await spec.lock();
  if (!current) throw notFound(spec.missing.message, spec.missing.field);
  checkExpectedVersion(spec.entity, spec.id, spec.expectedVersion, current.version);
  return current;
}

export interface TransitionSpec<S extends string, R extends Stateful<S>> extends LockSpec<R> {
  machine: StateMachine<S>;
  /** The status to move to. */
  to: S;
  /** Domain rules beyond the state machine, under the lock (throw to refuse), then the write. */
  apply: (current: R) => Promise<void> | void;
  /** Why, when the caller said: recorded in the history. */
  reason?: string | null;
}

/**
 * One status change of one record, inside the mutation's transaction: lock → expected version →
 * state machine → the change's own rules and write → history. Returns the record as it was locked
 * (the caller re-reads it after the commit, with `reread`).
 */
export async function transition<S extends string, R extends Stateful<S>>(
  tx: Tx,
  spec: TransitionSpec<S, R>,
): Promise<R> {
  const current = await lockForChange(spec);
  spec.machine.assert(spec.id, current.status, spec.to);
  await spec.apply(current);
  await tx.recordStatusChange({
    entityType: spec.entity,
    entityId: spec.id,
    from: current.status,
    to: spec.to,
    reason: spec.reason,
  });
  return current;
}

/** The record as committed, read through the request's loader (never a cached earlier read). */
export async function reread<K, V>(
  loader: DataLoader<K, V | null, string>,
  key: K,
  what: string,
): Promise<V> {
  const value = await loader.clear(key).load(key);
  // The transaction committed it, so it exists; say so plainly if it ever does not.
  if (value === null) {
    const id = Array.isArray(key) ? key.join('/') : String(key);
    throw new Error(`${what} ${id} was written but cannot be read back`);
  }
  return value;
}
