import { Directive, Field, ObjectType } from 'type-graphql';
import type DataLoader from 'dataloader';
import { Actor, actorLabel } from './actor';
import { Database } from './database';
import { groupedLoader } from './loaders';
import { Tx } from './mutation';

/**
 * Every status change of a record: when, from, to, who and why. Each agency keeps its own in
 * `<agency>.status_change`, written in the same transaction as the change itself.
 */
@ObjectType({ description: 'One status change of a record: when, from, to, who and why.' })
@Directive('@shareable')
export class StatusChange {
  @Field({ description: 'When the change was committed.' })
  at!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The status before; null when the record was created.',
  })
  from!: string | null;

  @Field({ description: 'The status after.' })
  to!: string;

  @Field({
    description:
      'Who made the change: `anonymous` until callers are authenticated, then `user:<id>` or `service:<agency>`.',
  })
  actor!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why, when the caller said (e.g. a rejection reason).',
  })
  reason!: string | null;
}

export interface StatusChangeInput {
  entityType: string;
  entityId: string;
  from: string | null;
  to: string;
  actor: Actor;
  reason?: string | null;
}

export async function recordStatusChange(
  tx: Tx,
  agency: string,
  change: StatusChangeInput,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${agency}.status_change (entity_type, entity_id, from_status, to_status, actor, reason)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      change.entityType,
      change.entityId,
      change.from,
      change.to,
      actorLabel(change.actor),
      change.reason ?? null,
    ],
  );
}

/** Per-request loader of one entity type's history, oldest first: one statement per batch. */
export function statusHistoryLoader(
  db: Database,
  agency: string,
  entityType: string,
): DataLoader<string, (StatusChange & { entityId: string })[], string> {
  return groupedLoader(
    (ids: readonly string[]) =>
      db.query<StatusChange & { entityId: string }>(
        `SELECT entity_id AS "entityId", at, from_status AS "from", to_status AS "to", actor, reason
           FROM ${agency}.status_change
          WHERE entity_type = $1 AND entity_id = ANY($2::text[])
          ORDER BY entity_id, at, id`,
        [entityType, ids],
      ),
    (row) => row.entityId,
  );
}
