import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AUTHENTICATED, StatusChange } from '../../kit';
import type { Context } from '../context';
import { BondedZone } from '../entities/bonded-zone';
import {
  CustomsOffice,
  Declaration,
  DeclarationItem,
  Licence,
  SupervisionMode,
} from '../entities/declaration';
import { Enterprise } from '../entities/enterprise';
import { Shipment } from '../entities/shipment';
import { validDeclarationNumber } from '../validation';

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`${what} is missing`);
  return value;
}

@Resolver(() => Declaration)
export class DeclarationResolver {
  @Query(() => Declaration, {
    nullable: true,
    description:
      'A customs declaration by its 18-character number; null if unknown, or not yours to read (an enterprise reads the declarations of its shipments; `trade:read` all).',
  })
  @Directive(AUTHENTICATED)
  async declaration(
    @Arg('number', () => ID, { description: '18-character GACC declaration number.' })
    number: string,
    @Ctx() ctx: Context,
  ): Promise<Declaration | null> {
    const row = await ctx.loaders.visibleDeclarationByNumber.load(validDeclarationNumber(number));
    if (row) ctx.accessLog.read('Declaration', [row.number]);
    return row;
  }

  @FieldResolver(() => CustomsOffice)
  async customsOffice(@Root() d: Declaration, @Ctx() ctx: Context): Promise<CustomsOffice> {
    return required(
      await ctx.loaders.customsOfficeByCode.load(d.customsOfficeCode),
      `customs office ${d.customsOfficeCode}`,
    );
  }

  @FieldResolver(() => SupervisionMode)
  async supervisionMode(@Root() d: Declaration, @Ctx() ctx: Context): Promise<SupervisionMode> {
    return required(
      await ctx.loaders.supervisionModeByCode.load(d.supervisionModeCode),
      `supervision mode ${d.supervisionModeCode}`,
    );
  }

  @FieldResolver(() => Enterprise)
  async declarant(@Root() d: Declaration, @Ctx() ctx: Context): Promise<Enterprise> {
    return required(
      await ctx.loaders.enterpriseByUscc.load(d.declarantUscc),
      `declarant ${d.declarantUscc}`,
    );
  }

  @FieldResolver(() => [DeclarationItem])
  items(@Root() d: Declaration, @Ctx() ctx: Context): Promise<DeclarationItem[]> {
    return ctx.loaders.itemsByDeclaration.load(d.number);
  }

  @FieldResolver(() => [Licence])
  licences(@Root() d: Declaration, @Ctx() ctx: Context): Promise<Licence[]> {
    return ctx.loaders.licencesByDeclaration.load(d.number);
  }

  @FieldResolver(() => BondedZone, { nullable: true })
  async bondedZone(@Root() d: Declaration, @Ctx() ctx: Context): Promise<BondedZone | null> {
    return d.bondedZoneCode === null ? null : ctx.loaders.bondedZoneByCode.load(d.bondedZoneCode);
  }

  @FieldResolver(() => [StatusChange])
  history(@Root() d: Declaration, @Ctx() ctx: Context): Promise<StatusChange[]> {
    return ctx.loaders.declarationHistory.load(d.number);
  }

  @FieldResolver(() => Shipment)
  async shipment(@Root() d: Declaration, @Ctx() ctx: Context): Promise<Shipment> {
    return required(await ctx.loaders.shipmentByAwb.load(d.awb), `shipment ${d.awb}`);
  }
}
