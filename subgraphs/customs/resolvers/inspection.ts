import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { StatusChange } from '../../kit';
import type { Context } from '../context';
import { Inspection } from '../entities/declaration';

@Resolver(() => Inspection)
export class InspectionResolver {
  @FieldResolver(() => [StatusChange])
  history(@Root() inspection: Inspection, @Ctx() ctx: Context): Promise<StatusChange[]> {
    return ctx.loaders.inspectionHistory.load(inspection.declarationNumber);
  }
}
