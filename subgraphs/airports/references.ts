import { checkAirportCode, gatedReferenceBy, referenceBy, ReferenceResolvers } from '../kit';
import { Context } from './context';
import { Airport } from './entities/airport';
import { Facility } from './entities/facility';
import { Shipment } from './entities/shipment';

/** How the gateway's representations become the airports' entities (`_entities`). */
export const references: ReferenceResolvers<Context> = {
  // A malformed code cannot name an airport: answered without a query.
  Airport: referenceBy<Context, Airport>('iataCode', (iataCode, ctx) =>
    checkAirportCode(iataCode) === null ? ctx.loaders.airportByCode.load(iataCode) : null,
  ),
  Facility: referenceBy<Context, Facility>('id', (id, ctx) => ctx.loaders.facilityById.load(id)),
  // Customs owns the register: arrival and handling events hang off the key alone, through
  // loaders keyed by AWB.
  // Shipment-level data, reached through the shipments customs lets the caller see: none for a
  // caller with no row access; each read is logged.
  Shipment: gatedReferenceBy<Context, Shipment>('Shipment', 'awb', (awb) => ({ awb })),
};
