import { badUserInput, GatewayClient, notFound } from '../kit';

/**
 * The scopes this agency's service token carries, and no more: its rules below read
 * airports, facilities and drug approvals (public) and a consolidated import (restricted:
 * `trade:read`).
 */
export const SERVICE_SCOPES = ['trade:read'] as const;

/**
 * Other agencies' facts that customs' rules need, read through the gateway like any client (never
 * from their tables), before a mutation's transaction opens. When the gateway or the agency does
 * not answer, the kit's client throws DEPENDENCY_UNAVAILABLE and nothing is written.
 */

interface AirportFacts {
  iataCode: string;
  isBeijingHub: boolean;
}

/** registerManifest: origin, destination and port of entry exist; the port of entry is PEK or PKX. */
export async function checkManifestAirports(
  gateway: GatewayClient,
  airports: { origin: string; destination: string; portOfEntry: string },
): Promise<void> {
  const data = await gateway.query<Record<keyof typeof airports, AirportFacts | null>>(
    `query ManifestAirports($origin: ID!, $destination: ID!, $portOfEntry: ID!) {
      origin: airport(iataCode: $origin) { iataCode isBeijingHub }
      destination: airport(iataCode: $destination) { iataCode isBeijingHub }
      portOfEntry: airport(iataCode: $portOfEntry) { iataCode isBeijingHub }
    }`,
    airports,
    'the airports of a manifest',
  );
  for (const key of ['origin', 'destination', 'portOfEntry'] as const) {
    if (!data[key]) {
      throw notFound(`no airport has the IATA code ${airports[key]}`, `input.${key}`);
    }
  }
  if (!data.portOfEntry!.isBeijingHub) {
    throw badUserInput(
      `the port of entry must be a Beijing hub (PEK or PKX), not ${airports.portOfEntry}`,
      'input.portOfEntry',
    );
  }
}

interface FacilityFacts {
  id: string;
  kind: string;
  status: string;
  airport: { iataCode: string };
}

/** requireInspection: the facility exists, is OPERATIONAL and is at the shipment's port of entry. */
export async function checkInspectionFacility(
  gateway: GatewayClient,
  facilityId: string,
  portOfEntry: string,
): Promise<FacilityFacts> {
  const { facility } = await gateway.query<{ facility: FacilityFacts | null }>(
    `query InspectionFacility($id: ID!) {
      facility(id: $id) { id kind status airport { iataCode } }
    }`,
    { id: facilityId },
    'the inspection facility',
  );
  const field = 'input.facility';
  if (!facility) throw notFound(`no facility has the id ${facilityId}`, field);
  if (facility.status !== 'OPERATIONAL') {
    throw badUserInput(
      `facility ${facilityId} is ${facility.status}, not OPERATIONAL: goods cannot be inspected there`,
      field,
    );
  }
  if (facility.airport.iataCode !== portOfEntry) {
    throw badUserInput(
      `facility ${facilityId} is at ${facility.airport.iataCode}, but the shipment enters at ${portOfEntry}`,
      field,
    );
  }
  return facility;
}

export interface DrugApprovalFacts {
  number: string;
  status: string;
  category: string;
}

/** A drug approval named by a goods line, and the input field to blame if it is refused. */
export interface NamedApproval {
  number: string;
  field: string;
  line: number;
}

/**
 * fileDeclaration and releaseDeclaration: every drug approval named by a goods line exists and is
 * VALID. One gateway request for all of them. Returns each approval's facts by number.
 */
export async function checkDrugApprovals(
  gateway: GatewayClient,
  named: readonly NamedApproval[],
): Promise<Map<string, DrugApprovalFacts>> {
  const numbers = [...new Set(named.map((n) => n.number))];
  const facts = new Map<string, DrugApprovalFacts>();
  if (numbers.length === 0) return facts;
  const vars = numbers.map((_, i) => `$a${i}: ID!`).join(', ');
  const fields = numbers
    .map((_, i) => `a${i}: drugApproval(number: $a${i}) { number status category }`)
    .join('\n');
  const data = await gateway.query<Record<string, DrugApprovalFacts | null>>(
    `query DrugApprovals(${vars}) {\n${fields}\n}`,
    Object.fromEntries(numbers.map((n, i) => [`a${i}`, n])),
    'the drug approvals of the goods',
  );
  numbers.forEach((n, i) => {
    const approval = data[`a${i}`];
    if (approval) facts.set(n, approval);
  });
  for (const n of named) {
    const approval = facts.get(n.number);
    if (!approval) {
      throw notFound(`goods line ${n.line}: no drug approval has the number ${n.number}`, n.field);
    }
    if (approval.status !== 'VALID') {
      throw badUserInput(
        `goods line ${n.line}: drug approval ${n.number} is ${approval.status}, not VALID`,
        n.field,
      );
    }
  }
  return facts;
}

export interface ConsolidatedImportFacts {
  id: string;
  agent: { uscc: string };
  shipments: { awb: string }[];
}

/** submitSpecialGoodsApplication: the consolidated import exists and is the applicant's. */
export async function checkConsolidatedImport(
  gateway: GatewayClient,
  id: string,
  applicantUscc: string,
): Promise<ConsolidatedImportFacts> {
  const { consolidatedImport } = await gateway.query<{
    consolidatedImport: ConsolidatedImportFacts | null;
  }>(
    `query ConsolidatedImport($id: ID!) {
      consolidatedImport(id: $id) { id agent { uscc } shipments { awb } }
    }`,
    { id },
    'the consolidated import',
  );
  const field = 'input.consolidatedImport';
  if (!consolidatedImport) throw notFound(`no consolidated import has the id ${id}`, field);
  if (consolidatedImport.agent.uscc !== applicantUscc) {
    throw badUserInput(
      `consolidated import ${id} belongs to agent ${consolidatedImport.agent.uscc}, not to the applicant ${applicantUscc}`,
      field,
    );
  }
  return consolidatedImport;
}
