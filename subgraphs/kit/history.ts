import { Directive, Field, ObjectType } from 'type-graphql';
import type DataLoader from 'dataloader';
import { Database } from './database';
import { HistoryRepository, StatusChangeRecord } from './history-repository';
import { groupedLoader } from './loaders';

/**
 * Every status change of a record: when, from, to, who and why. Each agency keeps its own in
 * `<agency>.status_change`, written in the same transaction as the change itself
 * (`Tx.recordStatusChange`).
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

/** Per-request loader of one entity type's history, oldest first: one statement per batch. */
export function statusHistoryLoader(
  db: Database,
  agency: string,
  entityType: string,
): DataLoader<string, StatusChangeRecord[], string> {
  const history = new HistoryRepository(agency);
  return groupedLoader(
    (ids: readonly string[]) => history.forEntities(db, entityType, ids),
    (row) => row.entityId,
  );
}
