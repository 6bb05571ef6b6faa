import { keyOf, gatedReferenceBy, referenceBy, ReferenceResolvers } from '../kit';
import type { Context } from './context';
import { Airline } from './entities/airline';
import { Airport } from './entities/airport';
import { Flight } from './entities/flight';
import { Route } from './entities/route';
import { Shipment } from './entities/shipment';
import { isFlightKey } from './validation';

/**
 * `_entities` lookups. Owned entities go through the request's loaders, so N representations of
 * one type cost one statement; an unknown (or malformed) key resolves to null. Contributed
 * entities (Shipment, Airport) are their key: their fields are resolved from it.
 */
export const references: ReferenceResolvers<Context> = {
  Airline: referenceBy<Context, Airline>('iataCode', (iataCode, ctx) =>
    ctx.loaders.airline.load(iataCode),
  ),
  Route: referenceBy<Context, Route>('id', (id, ctx) => ctx.loaders.route.load(id)),
  Flight: referenceBy<Context, Flight>('number', (number, ctx, representation) => {
    const date = keyOf(representation, 'date');
    return date !== null && isFlightKey(number, date)
      ? ctx.loaders.flight.load([number, date])
      : null;
  }),
  // Shipment-level data, reached through the shipments customs lets the caller see: none for a
  // caller with no row access; each read is logged.
  Shipment: gatedReferenceBy<Context, Shipment>('Shipment', 'awb', (awb) => ({ awb })),
  Airport: referenceBy<Context, Airport>('iataCode', (iataCode) => ({ iataCode })),
};
