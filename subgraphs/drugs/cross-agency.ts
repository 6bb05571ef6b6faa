import { badUserInput, GatewayClient, notFound } from '../kit';

/**
 * The scopes this agency's service token carries, and no more: its rules below read
 * an enterprise's customs credit rating and a shipment (restricted: `trade:read`).
 */
export const SERVICE_SCOPES = ['trade:read'] as const;

/**
 * Facts of the customs register that drug rules need, read through the gateway (never from
 * customs' tables) before a mutation's transaction opens. When the gateway or customs cannot
 * answer, the GatewayClient throws DEPENDENCY_UNAVAILABLE and nothing is written.
 */

export interface RegisteredEnterprise {
  uscc: string;
  name: string;
  customsCreditRating: string;
}

const ENTERPRISE_QUERY = `query DrugsAgentStanding($uscc: ID!) {
  enterprise(uscc: $uscc) { uscc name customsCreditRating }
}`;

const SHIPMENT_QUERY = `query DrugsShipmentExists($awb: ID!) { shipment(awb: $awb) { awb } }`;

/**
 * The enterprise must be in the customs register (NOT_FOUND otherwise) and not DISCREDITED
 * (BAD_USER_INPUT): a discredited enterprise cannot act as a drug import agent.
 */
export async function enterpriseInGoodStanding(
  gateway: GatewayClient,
  uscc: string,
  field: string,
): Promise<RegisteredEnterprise> {
  const data = await gateway.query<{ enterprise: RegisteredEnterprise | null }>(
    ENTERPRISE_QUERY,
    { uscc },
    `the customs register entry of enterprise ${uscc}`,
  );
  const enterprise = data.enterprise;
  if (!enterprise) {
    throw notFound(`enterprise ${uscc} is not in the customs register`, field);
  }
  if (enterprise.customsCreditRating === 'DISCREDITED') {
    throw badUserInput(
      `enterprise ${uscc} (${enterprise.name}) is rated DISCREDITED by customs and cannot act as a drug import agent`,
      field,
    );
  }
  return enterprise;
}

/** The shipment must be in the customs register (its manifest): NOT_FOUND otherwise. */
export async function shipmentExists(
  gateway: GatewayClient,
  awb: string,
  field: string,
): Promise<void> {
  const data = await gateway.query<{ shipment: { awb: string } | null }>(
    SHIPMENT_QUERY,
    { awb },
    `the customs manifest of shipment ${awb}`,
  );
  if (!data.shipment) throw notFound(`shipment ${awb} is not in the customs register`, field);
}
