import { createHash } from 'node:crypto';
import type { Actor } from './actor';
import { authorizeWrite, WriteAuthorization } from './authorization';
import type { Database } from './database';
import { badUserInput, idempotencyConflict, unauthenticated } from './errors';
import { IdempotencyRecord, IdempotencyRepository } from './idempotency-repository';
import { ANONYMOUS_IDENTITY, Identity } from './identity';
import { FIRST_VERSION, validExpectedVersion } from './transition';
import { Tx } from './tx';

/**
 * A mutation's input as it arrives: its idempotency key and, for a change of a record, the version
 * the caller read sit inside it, when given.
 */
export interface KeyedInput {
  idempotencyKey?: string | null;
  expectedVersion?: number | null;
}

export interface MutationSpec<K, F, I extends KeyedInput = KeyedInput> {
  /** The mutation's name: an idempotency key is unique per operation. */
  operation: string;
  /** The mutation's arguments. The key is taken out: a retry must send the rest unchanged. */
  input: I;
  /** Where the key sits in the arguments, for errors (default `input.idempotencyKey`). */
  keyField?: string;
  /**
   * Who may run it besides holders of the agency's write scope (`<agency>:write`): the enterprise
   * it is done for, as the agency's rule names it. Checked first: a caller without the right gets
   * FORBIDDEN before anything is read, a retry's stored result included.
   */
  authorize?: WriteAuthorization;
  /**
   * The version the changed record starts at, when not `FIRST_VERSION` (1): the lowest
   * `expectedVersion` that is not malformed.
   */
  firstVersion?: number;
  /**
   * Facts from other agencies that the rules need, read (through the gateway) before the
   * transaction opens. Not called for a retry whose first call committed: it is answered with
   * the first result, so it succeeds even while another agency is down.
   */
  check?: () => Promise<F>;
  /** The writes, in one transaction; returns the key of the record the mutation returns. */
  write: (tx: Tx, facts: F) => Promise<K>;
}

/** JSON with object keys sorted, so that the same input always hashes the same. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(input: unknown): string {
  return createHash('sha256').update(canonical(input)).digest('hex');
}

const MAX_KEY_LENGTH = 200;

/**
 * Every agency's write pipeline, one per request (`ctx.mutations`). A caller without a verified
 * identity is refused (UNAUTHENTICATED) before anything else. A mutation runs as one
 * transaction: all of it or none. A malformed `input.expectedVersion` is refused first
 * (`validExpectedVersion`), the same way in every agency. With an idempotency key:
 * - a retry whose first call committed gets that call's result at once, before any cross-agency
 *   check (the same in every agency);
 * - otherwise the key is claimed inside the transaction, so a concurrent retry waits on the claim
 *   and then gets the first result without writing anything;
 * - the same key with another input is IDEMPOTENCY_CONFLICT.
 * What is stored is the key of the result (e.g. a declaration number): a retry returns the same
 * record, read afresh.
 * Before all of it, the caller must hold the agency's write scope or be the enterprise the
 * mutation's `authorize` rule names (`authorizeWrite`): FORBIDDEN otherwise.
 */
export class MutationRunner {
  private readonly keys: IdempotencyRepository;

  constructor(
    private readonly db: Database,
    readonly agency: string,
    readonly actor: Actor,
    readonly identity: Identity = ANONYMOUS_IDENTITY,
  ) {
    this.keys = new IdempotencyRepository(agency);
  }

  async run<K, F = undefined, I extends KeyedInput = KeyedInput>(
    spec: MutationSpec<K, F, I>,
  ): Promise<K> {
    // First of all: an anonymous caller learns nothing, not even whether its input is valid.
    if (this.identity.kind === 'ANONYMOUS') throw unauthenticated(spec.operation);
    await authorizeWrite(this.identity, this.agency, spec.operation, spec.authorize);
    const { idempotencyKey: key, ...request } = spec.input;
    const keyField = spec.keyField ?? 'input.idempotencyKey';
    if (key != null && (key.length === 0 || key.length > MAX_KEY_LENGTH)) {
      throw badUserInput(`\`idempotencyKey\` must be 1 to ${MAX_KEY_LENGTH} characters`, keyField);
    }
    // Before the retry lookup: a malformed version is refused the same on every call.
    validExpectedVersion(
      spec.input.expectedVersion,
      'input.expectedVersion',
      spec.firstVersion ?? FIRST_VERSION,
    );
    const hash = requestHash(request);
    if (key != null) {
      const first = await this.keys.committed<K>(this.db, spec.operation, key);
      if (first) return replay(first, hash, key, spec.operation, keyField);
    }
    const facts = (spec.check ? await spec.check() : undefined) as F;
    return this.db.transaction(async (client) => {
      const tx = new Tx(client, this.db, this.agency, this.actor);
      if (key != null && !(await this.keys.claim(tx, spec.operation, key, hash))) {
        const first = await this.keys.read<K>(tx, spec.operation, key);
        return replay(first, hash, key, spec.operation, keyField);
      }
      const result = await spec.write(tx, facts);
      if (key != null) await this.keys.storeResult(tx, spec.operation, key, result);
      return result;
    });
  }
}

/** A retry's answer: the first call's result, if the input is the same. */
function replay<K>(
  first: IdempotencyRecord<K>,
  hash: string,
  key: string,
  operation: string,
  keyField: string,
): K {
  if (first.requestHash !== hash) throw idempotencyConflict(key, operation, keyField);
  return first.result as K;
}
