import { ArgOptions } from 'type-graphql';

/** The `idempotencyKey` argument every status-changing mutation takes. */
export const IDEMPOTENCY_KEY: ArgOptions & { nullable: true } = {
  nullable: true,
  description:
    'Makes retries safe: the same key with the same input returns the first result without changing anything again; with another input it is an IDEMPOTENCY_CONFLICT.',
};
