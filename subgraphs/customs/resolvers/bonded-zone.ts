import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { assertValid } from '../../kit';
import type { Context } from '../context';
import { BondedZone } from '../entities/bonded-zone';
import { checkReference } from '../validation';

@Resolver(() => BondedZone)
export class BondedZoneResolver {
  @Query(() => [BondedZone], { description: 'Every bonded zone, by code.' })
  async bondedZones(@Ctx() ctx: Context): Promise<BondedZone[]> {
    const zones = await ctx.repository.allBondedZones();
    for (const z of zones) ctx.loaders.bondedZoneByCode.prime(z.code, z);
    return zones;
  }

  @Query(() => BondedZone, {
    nullable: true,
    description: 'A bonded zone by code; null if unknown.',
  })
  bondedZone(
    @Arg('code', () => ID, { description: 'Zone code, e.g. "BJ-DAXING-CBZ".' }) code: string,
    @Ctx() ctx: Context,
  ): Promise<BondedZone | null> {
    assertValid(checkReference(code, 'a bonded zone code'), 'code');
    return ctx.loaders.bondedZoneByCode.load(code);
  }
}
