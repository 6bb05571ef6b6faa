import { badUserInput, GatewayClient, notFound } from '../kit';

/**
 * The scopes this agency's service token carries, and no more: its rules below read
 * the shipment in the customs register (restricted: `trade:read`).
 */
export const SERVICE_SCOPES = ['trade:read'] as const;

/** What the airport operator needs to know of a shipment in the customs register. */
interface RegisteredShipment {
  shipment: {
    awb: string;
    portOfEntry: { iataCode: string };
    manifest: { pieces: number };
  } | null;
}

const REGISTERED_SHIPMENT = `query($awb: ID!) {
  shipment(awb: $awb) { awb portOfEntry { iataCode } manifest { pieces } }
}`;

/**
 * Cross-agency rule of `recordArrival` (its `check`): the shipment is in the customs register
 * (the manifest was filed) and its port of entry is the hub tallying it. Asked through the
 * gateway, never from customs' tables, before the transaction opens, and not for a retry whose
 * first call committed. A gateway or customs that does not answer gives DEPENDENCY_UNAVAILABLE
 * (from the GatewayClient): nothing is written on a guess. A pieces count that differs from the
 * manifest is allowed: the tally records what actually arrived.
 */
export async function assertManifestedFor(
  gateway: GatewayClient,
  awb: string,
  airport: string,
): Promise<void> {
  const { shipment } = await gateway.query<RegisteredShipment>(
    REGISTERED_SHIPMENT,
    { awb },
    'the shipment in the customs register',
  );
  if (!shipment) {
    throw notFound(
      `shipment ${awb} is not in the customs register: its manifest must be filed before its cargo is tallied`,
      'input.awb',
    );
  }
  if (shipment.portOfEntry.iataCode !== airport) {
    throw badUserInput(
      `shipment ${awb} enters China at ${shipment.portOfEntry.iataCode} according to its manifest, not at ${airport}: it is tallied at its port of entry`,
      'input.airport',
    );
  }
}
