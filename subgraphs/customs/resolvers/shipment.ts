import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  assertValid,
  AUTHENTICATED,
  badUserInput,
  ConnectionShape,
  PageArgs,
  PagedListSize,
  pageRequest,
  rowAccess,
  toConnection,
} from '../../kit';
import type { Context } from '../context';
import { Declaration } from '../entities/declaration';
import {
  CargoArrival,
  Clearance,
  Manifest,
  Shipment,
  ShipmentConnection,
  ShipmentFilter,
} from '../entities/shipment';
import { SpecialGoodsApplication } from '../entities/special-goods-application';
import { Airport, airportRef } from '../entities/stubs';
import { SHIPMENT_PAGE, ShipmentQuery } from '../repository';
import { checkSupervisionModeCode, validAirport, validAwb, validUscc } from '../validation';

/** A shipment as resolvers see it: at least its AWB, plus `arrival` when the gateway sent it. */
export type ShipmentParent = Pick<Shipment, 'awb'> & { arrival?: CargoArrival | null };

async function shipmentRow(parent: ShipmentParent, ctx: Context): Promise<Shipment> {
  const row = await ctx.loaders.shipmentByAwb.load(parent.awb);
  if (!row) throw new Error(`shipment ${parent.awb} vanished while resolving it`);
  return row;
}

/** Hours between two instants, rounded to 2 decimals. */
function hoursBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 36_000) / 100;
}

function validFilter(filter: ShipmentFilter | null | undefined): ShipmentQuery {
  if (!filter) return {};
  const f = 'filter';
  let awbs: string[] | undefined;
  if (filter.awbs != null) {
    if (filter.awbs.length > MAX_FILTER_AWBS) {
      throw badUserInput(
        `\`filter.awbs\` lists ${filter.awbs.length} AWBs; at most ${MAX_FILTER_AWBS} are allowed`,
        `${f}.awbs`,
      );
    }
    awbs = filter.awbs.map((awb, i) => validAwb(awb, `${f}.awbs[${i}]`));
  }
  if (filter.arrivalAirport != null) validAirport(filter.arrivalAirport, `${f}.arrivalAirport`);
  if (filter.destinationAirport != null) {
    validAirport(filter.destinationAirport, `${f}.destinationAirport`);
  }
  if (filter.consignee != null) validUscc(filter.consignee, `${f}.consignee`);
  if (filter.supervisionMode != null) {
    assertValid(checkSupervisionModeCode(filter.supervisionMode), `${f}.supervisionMode`);
  }
  if (
    filter.manifestedFrom &&
    filter.manifestedTo &&
    filter.manifestedFrom.getTime() > filter.manifestedTo.getTime()
  ) {
    throw badUserInput(
      `\`filter.manifestedFrom\` (${filter.manifestedFrom.toISOString()}) is after \`filter.manifestedTo\` (${filter.manifestedTo.toISOString()})`,
      `${f}.manifestedTo`,
    );
  }
  return { ...filter, awbs };
}

const MAX_FILTER_AWBS = 1000;

@Resolver(() => Shipment)
export class ShipmentResolver {
  @Query(() => Shipment, {
    nullable: true,
    description:
      'A shipment by air waybill number (`999-31415926` or `99931415926`); null if customs has no manifest for it, or none you may read (an enterprise reads the shipments it is consignee or declarant of; `trade:read` reads all).',
  })
  @Directive(AUTHENTICATED)
  async shipment(
    @Arg('awb', () => ID, { description: 'Air waybill number, check digit valid.' }) awb: string,
    @Ctx() ctx: Context,
  ): Promise<Shipment | null> {
    const row = await ctx.loaders.visibleShipmentByAwb.load(validAwb(awb));
    if (row) ctx.accessLog.read('Shipment', [row.awb]);
    return row;
  }

  @PagedListSize()
  @Query(() => ShipmentConnection, {
    description:
      'The shipment register, newest manifest first (keyset-paginated): the shipments you may read (an enterprise, those it is consignee or declarant of; `trade:read`, all).',
  })
  @Directive(AUTHENTICATED)
  async shipments(
    @Args(() => PageArgs) args: PageArgs,
    @Arg('filter', () => ShipmentFilter, {
      nullable: true,
      description: 'Only the shipments matching every given filter.',
    })
    filter: ShipmentFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Shipment>> {
    const query = validFilter(filter);
    const page = pageRequest(args, SHIPMENT_PAGE);
    const access = rowAccess(ctx.identity);
    const rows = await ctx.repository.shipmentPage(query, page, access);
    for (const row of rows) ctx.loaders.shipmentByAwb.prime(row.awb, row);
    ctx.accessLog.read(
      'Shipment',
      rows.slice(0, page.limit).map((row) => row.awb),
    );
    return toConnection(rows, page, () => ctx.repository.countShipments(query, access));
  }

  @FieldResolver(() => Manifest)
  async manifest(@Root() parent: ShipmentParent, @Ctx() ctx: Context): Promise<Manifest> {
    const s = await shipmentRow(parent, ctx);
    return {
      originIata: s.originIata,
      destinationIata: s.destinationIata,
      consigneeUscc: s.consigneeUscc,
      origin: airportRef(s.originIata),
      destination: airportRef(s.destinationIata),
      shipper: s.shipper,
      pieces: s.pieces,
      grossWeightKg: s.grossWeightKg,
      goodsDescription: s.goodsDescription,
      manifestedAt: s.manifestedAt,
    };
  }

  @FieldResolver(() => [Declaration])
  declarations(@Root() parent: ShipmentParent, @Ctx() ctx: Context): Promise<Declaration[]> {
    return ctx.loaders.declarationsByAwb.load(parent.awb);
  }

  @FieldResolver(() => Clearance)
  async clearance(@Root() parent: ShipmentParent, @Ctx() ctx: Context): Promise<Clearance> {
    const s = await shipmentRow(parent, ctx);
    const arrivedAt = parent.arrival?.arrivedAt ?? null;
    return {
      status: s.clearanceStatus,
      releasedAt: s.releasedAt,
      hoursFromArrivalToRelease:
        arrivedAt && s.releasedAt ? hoursBetween(arrivedAt, s.releasedAt) : null,
    };
  }

  @FieldResolver(() => CargoArrival, { nullable: true })
  arrival(@Root() parent: ShipmentParent): CargoArrival | null {
    return parent.arrival ?? null;
  }

  @FieldResolver(() => Airport)
  async portOfEntry(@Root() parent: ShipmentParent, @Ctx() ctx: Context): Promise<Airport> {
    return airportRef((await shipmentRow(parent, ctx)).portOfEntryIata);
  }

  @FieldResolver(() => [SpecialGoodsApplication])
  specialGoodsApplications(
    @Root() parent: ShipmentParent,
    @Ctx() ctx: Context,
  ): Promise<SpecialGoodsApplication[]> {
    return ctx.loaders.applicationsByAwb.load(parent.awb);
  }
}
