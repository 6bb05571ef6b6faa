import { badUserInput, GatewayClient, notFound } from '../kit';

/**
 * The scopes this agency's service token carries, and no more: its rules below read
 * airports (public) and a shipment (restricted: `trade:read`).
 */
export const SERVICE_SCOPES = ['trade:read'] as const;

/**
 * The other agencies' facts the routes mutations depend on, read through the gateway (never from
 * their tables) before the transaction opens. A gateway or agency that does not answer makes the
 * kit's client throw DEPENDENCY_UNAVAILABLE: the mutation is refused and nothing is written.
 */

interface AirportFacts {
  iataCode: string;
  isBeijingHub: boolean;
  timezone: string;
}

const ROUTE_ENDS = `query RouteEnds($origin: ID!, $destination: ID!) {
  origin: airport(iataCode: $origin) { iataCode isBeijingHub timezone }
  destination: airport(iataCode: $destination) { iataCode isBeijingHub timezone }
}`;

/** Both ends are airports of the airports register and one of them is a Beijing hub. */
export async function checkRouteEnds(
  gateway: GatewayClient,
  origin: string,
  destination: string,
): Promise<void> {
  const ends = await gateway.query<{
    origin: AirportFacts | null;
    destination: AirportFacts | null;
  }>(ROUTE_ENDS, { origin, destination }, 'the route’s airports with the airports agency');
  if (!ends.origin) throw notFound(`no airport ${origin} in the airports register`, 'input.origin');
  if (!ends.destination) {
    throw notFound(`no airport ${destination} in the airports register`, 'input.destination');
  }
  if (!ends.origin.isBeijingHub && !ends.destination.isBeijingHub) {
    throw badUserInput(
      `neither ${origin} nor ${destination} is a Beijing hub: a route starts or ends at PEK or PKX`,
      'input.origin',
    );
  }
}

const AIRPORT_TIMEZONE = `query AirportTimezone($iataCode: ID!) {
  airport(iataCode: $iataCode) { iataCode timezone }
}`;

/** The IANA time zone of an airport, from the airports register. */
export async function airportTimezone(
  gateway: GatewayClient,
  iataCode: string,
  field: string,
): Promise<string> {
  const { airport } = await gateway.query<{ airport: AirportFacts | null }>(
    AIRPORT_TIMEZONE,
    { iataCode },
    `the time zone of ${iataCode} with the airports agency`,
  );
  if (!airport) throw notFound(`no airport ${iataCode} in the airports register`, field);
  return airport.timezone;
}

const SHIPMENT = `query RegisteredShipment($awb: ID!) { shipment(awb: $awb) { awb } }`;

/** The shipment is in the customs register (its manifest was filed). */
export async function checkShipmentRegistered(gateway: GatewayClient, awb: string): Promise<void> {
  const { shipment } = await gateway.query<{ shipment: { awb: string } | null }>(
    SHIPMENT,
    { awb },
    `shipment ${awb} with the customs register`,
  );
  if (!shipment) throw notFound(`no shipment ${awb} in the customs register`, 'input.awb');
}
