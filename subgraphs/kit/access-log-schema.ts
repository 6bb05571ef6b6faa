import {
  Args,
  ArgsType,
  ClassType,
  Ctx,
  Directive,
  Field,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { AccessLogRepository, AccessLogRow, ACCESS_LOG_PAGE } from './access-log-repository';
import { requiresScopes } from './access';
import { requireScope, Scope } from './authorization';
import type { Database } from './database';
import type { Identity } from './identity';
import {
  ConnectionShape,
  Edge,
  PageArgs,
  PageInfo,
  PagedListSize,
  pageRequest,
  toConnection,
} from './pagination';

// Every agency serves these same types (one `<agency>AccessLog` root field each): shareable.

@ObjectType({
  description:
    "One read of an agency's restricted records: when, who, under which operation, which records.",
})
@Directive('@shareable')
export class AccessLogEntry {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'When the records were read.' })
  at!: Date;

  @Field({ description: 'ANONYMOUS, USER or SERVICE.' })
  identityKind!: string;

  @Field({ description: "The token's subject (`sub`); a service's agency name." })
  subject!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The enterprise (unified social credit code) the caller acted for, if any.',
  })
  uscc!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The client's operation name, when it named its operation.",
  })
  operationName!: string | null;

  @Field({ description: 'The type of the records read, e.g. `Shipment`.' })
  entityType!: string;

  @Field(() => [String], { description: 'The keys of the records read (AWBs, numbers, ids).' })
  keys!: string[];
}

@ObjectType({ description: 'One access-log entry and its cursor.' })
@Directive('@shareable')
export class AccessLogEntryEdge implements Edge<AccessLogRow> {
  @Field({ description: 'Opaque keyset cursor of this node.' })
  cursor!: string;

  @Field(() => AccessLogEntry)
  node!: AccessLogRow;
}

@ObjectType({ description: 'A page of an access log, newest first.' })
@Directive('@shareable')
export class AccessLogEntryConnection implements ConnectionShape<AccessLogRow> {
  @Field(() => [AccessLogEntryEdge])
  edges!: Edge<AccessLogRow>[];

  @Field(() => [AccessLogEntry])
  nodes!: AccessLogRow[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Entries matching the arguments, across all pages.' })
  totalCount(): Promise<number> {
    throw new Error('resolved by the connection object');
  }
}

@ArgsType()
export class AccessLogArgs extends PageArgs {
  @Field(() => Date, { nullable: true, description: 'Only entries at or after this instant.' })
  since?: Date | null;

  @Field(() => String, { nullable: true, description: 'Only the reads of this subject (`sub`).' })
  subject?: string | null;
}

/** What the access-log resolver needs of an agency's context. */
export interface AccessLogContext {
  db: Database;
  identity: Identity;
}

/**
 * `<agency>AccessLog(first, after, last, before, since, subject)`: the agency's access log under
 * `audit:read`, checked here, so a direct call to the subgraph gets no further (FORBIDDEN).
 */
export function accessLogResolver(agency: string): ClassType {
  const field = `${agency}AccessLog`;
  @Resolver()
  class AccessLogResolver {
    @PagedListSize()
    @Query(() => AccessLogEntryConnection, {
      name: field,
      description: `Reads of the ${agency} agency's restricted records, newest first. Needs \`audit:read\`.`,
    })
    // Declared for the gateway, and checked again inside for callers that reach the subgraph directly.
    @Directive(requiresScopes([Scope.AUDIT_READ]))
    async accessLog(
      @Args(() => AccessLogArgs) args: AccessLogArgs,
      @Ctx() ctx: AccessLogContext,
    ): Promise<ConnectionShape<AccessLogRow>> {
      requireScope(ctx.identity, Scope.AUDIT_READ, `\`${field}\``);
      const page = pageRequest(args, ACCESS_LOG_PAGE);
      const repo = new AccessLogRepository(ctx.db, agency);
      const filter = { since: args.since ?? null, subject: args.subject ?? null };
      const rows = await repo.page(filter, page);
      return toConnection(rows, page, () => repo.count(filter));
    }
  }
  return AccessLogResolver;
}
