import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  AUTHENTICATED,
  ConnectionShape,
  PageArgs,
  PagedListSize,
  pageRequest,
  REQUIRES_TRADE_READ,
  rowAccess,
  StatusChange,
  toConnection,
} from '../../kit';
import { Context } from '../context';
import {
  ConsolidatedImport,
  ConsolidatedImportConnection,
  ConsolidatedImportStatus,
  ConsolidatedLine,
} from '../entities/consolidated-import';
import { Enterprise } from '../entities/enterprise';
import { Shipment } from '../entities/shipment';
import { CONSOLIDATED_IMPORT_PAGE } from '../repository';
import { uscc } from '../validation';

@ArgsType()
class ConsolidatedImportsArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Only those of the agent enterprise with this unified social credit code.',
  })
  agent?: string | null;

  @Field(() => ConsolidatedImportStatus, {
    nullable: true,
    description: 'Only those in this status.',
  })
  status?: ConsolidatedImportStatus | null;
}

@Resolver(() => ConsolidatedImport)
export class ConsolidatedImportResolver {
  @Query(() => ConsolidatedImport, {
    nullable: true,
    description:
      'One consolidated import by id; null when there is none, or none you may read (an agent enterprise reads its own; `trade:read` reads all).',
  })
  @Directive(AUTHENTICATED)
  async consolidatedImport(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedImport | null> {
    const row = await ctx.loaders.visibleConsolidatedImportById.load(id);
    if (row) ctx.accessLog.read('ConsolidatedImport', [row.id]);
    return row;
  }

  @PagedListSize()
  @Query(() => ConsolidatedImportConnection, {
    description:
      'Consolidated imports ordered by id, optionally of one agent and in one status: those you may read (an agent enterprise, its own; `trade:read`, all).',
  })
  @Directive(AUTHENTICATED)
  async consolidatedImports(
    @Args(() => ConsolidatedImportsArgs) args: ConsolidatedImportsArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<ConsolidatedImport>> {
    if (args.agent != null) uscc(args.agent, 'agent');
    const page = pageRequest(args, CONSOLIDATED_IMPORT_PAGE);
    const filter = { agent: args.agent, status: args.status };
    const access = rowAccess(ctx.identity);
    const rows = await ctx.repository.consolidatedImportPage(filter, page, access);
    for (const row of rows) ctx.loaders.consolidatedImportById.prime(row.id, row);
    ctx.accessLog.read(
      'ConsolidatedImport',
      rows.slice(0, page.limit).map((row) => row.id),
    );
    return toConnection(rows, page, () => ctx.repository.consolidatedImportCount(filter, access));
  }

  @FieldResolver(() => Enterprise, { description: 'The qualified agent enterprise.' })
  agent(@Root() consolidated: ConsolidatedImport): Enterprise {
    return { uscc: consolidated.agentUscc };
  }

  @FieldResolver(() => [ConsolidatedLine], {
    description: 'The approved units’ needs, in line order.',
  })
  lines(
    @Root() consolidated: ConsolidatedImport,
    @Ctx() ctx: Context,
  ): Promise<ConsolidatedLine[]> {
    return ctx.loaders.linesByConsolidatedImport.load(consolidated.id);
  }

  @FieldResolver(() => [Shipment], {
    description: 'Shipments carrying its goods, ordered by AWB.',
  })
  @Directive(REQUIRES_TRADE_READ)
  async shipments(
    @Root() consolidated: ConsolidatedImport,
    @Ctx() ctx: Context,
  ): Promise<Shipment[]> {
    const rows = await ctx.loaders.shipmentsByConsolidatedImport.load(consolidated.id);
    return rows.map(({ awb }) => ({ awb }));
  }

  @FieldResolver(() => [StatusChange], {
    description: 'Every status change of the import, oldest first (from null when it was opened).',
  })
  history(@Root() consolidated: ConsolidatedImport, @Ctx() ctx: Context): Promise<StatusChange[]> {
    return ctx.loaders.consolidatedImportHistory.load(consolidated.id);
  }
}
