import { TEST_GATEWAY_IDENTITY } from '../support/identities';
import { RunningGateway, startGateway } from '../../gateway/server';
import { DRUG_APPROVALS, FACILITIES } from '../../scripts/demo/reference';
import { customsSubgraph } from '../../subgraphs/customs';
import { Database, makeAwb } from '../../subgraphs/kit';
import { committedSupergraph, Federation, startFederation } from '../support/federation';
import { expectData, Json, UNREACHABLE_URL } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';

/**
 * Mutation documents, input builders and record builders of the customs write tests, over the
 * demo world (its airports, facilities, drug approvals, enterprises).
 */

/** What the customs subgraph under test reaches for other agencies' facts. */
export type GatewayMode = 'up' | 'down' | 'drugs-down';

/**
 * The customs subgraph under test over the federation's demo world, with real neighbours for its
 * cross-agency rules. `gatewayMode` switches what it reaches: the federation's gateway, nothing
 * (the gateway down), or a second gateway whose drugs subgraph does not answer.
 */
export interface CustomsWrites {
  fed: Federation;
  customs: SubgraphUnderTest;
  gatewayMode: GatewayMode;
  stop(): Promise<void>;
}

export async function startCustomsWrites(): Promise<CustomsWrites> {
  const fed = await startFederation();
  let drugsDown: RunningGateway | undefined;
  try {
    drugsDown = await startGateway({
      supergraphSdl: committedSupergraph(),
      port: 0,
      subgraphUrls: {
        ...Object.fromEntries(fed.subgraphs.map((s) => [s.name, s.url])),
        drugs: UNREACHABLE_URL,
      },
      subgraphTimeoutMs: 2000,
      log: () => undefined,
      ...TEST_GATEWAY_IDENTITY,
    });
    const gatewayUrls = { up: fed.gateway.url, down: UNREACHABLE_URL, 'drugs-down': drugsDown.url };
    const writes: CustomsWrites = {
      fed,
      gatewayMode: 'up',
      customs: await startSubgraphUnderTest(customsSubgraph, {
        database: fed.databaseUrl,
        gatewayUrl: () => gatewayUrls[writes.gatewayMode],
      }),
      async stop() {
        await writes.customs.stop();
        await drugsDown?.stop();
        await fed.stop();
      },
    };
    return writes;
  } catch (err) {
    await drugsDown?.stop();
    await fed.stop();
    throw err;
  }
}

export const DECLARATION_FIELDS = `
  number status version direction filedAt releasedAt rejectionReason
  totalValue { amount currency }
  customsOffice { code } supervisionMode { code } declarant { uscc } bondedZone { code }
  inspection { required site { id } result completedAt history { from to } }
  items { line hsCode quantity value { amount currency } remanufactured supervisedAsNew drugApproval { number } }
  licences { code number }
  history { from to actor reason }
  shipment { awb version clearance { status releasedAt } }`;

export const APPLICATION_FIELDS = `
  number status version category riskLevel submittedAt decidedAt validUntil
  applicant { uscc } consolidatedImport { id } shipments { awb }
  history { from to actor reason }`;

export const REGISTER_MANIFEST = `mutation($input: RegisterManifestInput!) {
  registerManifest(input: $input) {
    awb version portOfEntry { iataCode }
    manifest { origin { iataCode } destination { iataCode } consignee { uscc } pieces grossWeightKg manifestedAt }
    clearance { status releasedAt } declarations { number }
  }
}`;

export const FILE_DECLARATION = `mutation($input: FileDeclarationInput!) {
  fileDeclaration(input: $input) { ${DECLARATION_FIELDS} }
}`;

function transition(name: string, inputType: string): string {
  return `mutation($input: ${inputType}!) {
    ${name}(input: $input) { ${DECLARATION_FIELDS} }
  }`;
}

export const ACCEPT = transition('acceptDeclaration', 'AcceptDeclarationInput');
export const REVIEW = transition('reviewDeclaration', 'ReviewDeclarationInput');
export const REQUIRE_INSPECTION = transition('requireInspection', 'RequireInspectionInput');
export const RECORD_RESULT = transition('recordInspectionResult', 'RecordInspectionResultInput');
export const RELEASE = transition('releaseDeclaration', 'ReleaseDeclarationInput');
export const REJECT = transition('rejectDeclaration', 'RejectDeclarationInput');

export const SUBMIT_APPLICATION = `mutation($input: SubmitSpecialGoodsApplicationInput!) {
  submitSpecialGoodsApplication(input: $input) { ${APPLICATION_FIELDS} }
}`;

export const DECIDE_APPLICATION = `mutation($input: DecideSpecialGoodsApplicationInput!) {
  decideSpecialGoodsApplication(input: $input) { ${APPLICATION_FIELDS} }
}`;

export const DECLARATION = `query($n: ID!) { declaration(number: $n) { ${DECLARATION_FIELDS} } }`;

function approval(category: string, status: string): string {
  const found = DRUG_APPROVALS.find((a) => a.category === category && a.status === status);
  if (!found) throw new Error(`the demo world has no ${status} ${category} approval`);
  return found.number;
}

/** Drug approvals of the demo world, by what the rules care about. */
export const DRUGS = {
  registered: approval('REGISTERED_DRUG', 'VALID'),
  cellTherapy: approval('CELL_THERAPY', 'VALID'),
  expired: approval('CELL_THERAPY', 'EXPIRED'),
  suspended: approval('GENE_THERAPY', 'SUSPENDED'),
};

function facility(airport: string, operational: boolean): string {
  const found = FACILITIES.find(
    (f) => f.airport === airport && (f.status === 'OPERATIONAL') === operational,
  );
  if (!found) throw new Error(`the demo world has no such facility at ${airport}`);
  return found.id;
}

/** Facilities of the demo world: where PEK shipments can (or cannot) be inspected. */
export const SITES = {
  pek: facility('PEK', true),
  pekNotOperational: facility('PEK', false),
  pkx: facility('PKX', true),
  /** The PKX designated supervision site for fruit. */
  pkxFruit: FACILITIES.find((f) => f.airport === 'PKX' && f.kind === 'DESIGNATED_SITE_FRUIT')!.id,
};

export const MANIFESTED_AT = '2025-06-01T02:00:00.000Z';
export const FILED_AT = '2025-06-01T10:00:00.000Z';

/** Reference data picked from the seeded database. */
export interface World {
  enterprise: string;
  otherEnterprise: string;
  /** A qualified agent and one of its consolidated imports. */
  agent: string;
  consolidatedImport: string;
  /** A consolidated import of another agent. */
  foreignImport: string;
}

export async function loadWorld(db: Database): Promise<World> {
  const enterprises = await db.query<{ uscc: string }>(
    'SELECT uscc FROM customs.enterprise ORDER BY uscc LIMIT 2',
  );
  const imports = await db.query<{ id: string; agent: string }>(
    `SELECT id, agent_uscc AS agent FROM drugs.consolidated_import ORDER BY id`,
  );
  const [first] = imports;
  const foreign = imports.find((i) => i.agent !== first.agent);
  if (!first || !foreign)
    throw new Error('the demo world needs consolidated imports of two agents');
  return {
    enterprise: enterprises[0].uscc,
    otherEnterprise: enterprises[1].uscc,
    agent: first.agent,
    consolidatedImport: first.id,
    foreignImport: foreign.id,
  };
}

export function manifestInput(world: World, awb: string, overrides: Json = {}): Json {
  return {
    awb,
    origin: 'FRA',
    destination: 'PEK',
    portOfEntry: 'PEK',
    shipper: 'Example Shipper GmbH',
    consignee: world.enterprise,
    pieces: 3,
    grossWeightKg: 120.5,
    goodsDescription: 'Portable computers',
    manifestedAt: MANIFESTED_AT,
    ...overrides,
  };
}

export function itemInput(overrides: Json = {}): Json {
  return {
    hsCode: '8471300000',
    description: 'Portable computers',
    quantity: 10,
    unit: 'pcs',
    value: '500.00',
    originCountry: 'DE',
    ...overrides,
  };
}

export function declarationInput(world: World, awb: string, overrides: Json = {}): Json {
  return {
    awb,
    direction: 'IMPORT',
    customsOffice: '0101',
    supervisionMode: '0110',
    declarant: world.enterprise,
    filedAt: FILED_AT,
    currency: 'USD',
    items: [itemInput(), itemInput({ hsCode: '8408200000', value: '1250.5', quantity: 1 })],
    licences: [{ code: 'A', number: 'A2025000001' }],
    ...overrides,
  };
}

/** Builds records through the mutations themselves. */
export class Builder {
  constructor(
    private readonly customs: SubgraphUnderTest,
    readonly world: World,
  ) {}

  private async run(document: string, input: Json): Promise<Json> {
    return expectData(await this.customs.graphql(document, { input }));
  }

  async shipment(overrides: Json = {}): Promise<string> {
    const awb = await freshAwb(this.customs.db);
    await this.run(REGISTER_MANIFEST, manifestInput(this.world, awb, overrides));
    return awb;
  }

  /** A new shipment and one declaration on it; returns the declaration number. */
  async declaration(overrides: Json = {}, shipment: Json = {}): Promise<string> {
    const awb = await this.shipment(shipment);
    const data = await this.run(FILE_DECLARATION, declarationInput(this.world, awb, overrides));
    return data.fileDeclaration.number;
  }

  /** A declaration moved through the mutations to `status`. */
  async declarationIn(
    status:
      | 'FILED'
      | 'ACCEPTED'
      | 'UNDER_REVIEW'
      | 'INSPECTION_REQUIRED'
      | 'PASSED'
      | 'FAILED'
      | 'RELEASED'
      | 'REJECTED',
    overrides: Json = {},
    shipment: Json = {},
  ): Promise<string> {
    const number = await this.declaration(overrides, shipment);
    const run = (doc: string, input: Json) => this.run(doc, { number, ...input });
    if (status === 'FILED') return number;
    if (status === 'REJECTED') {
      await run(REJECT, { reason: 'Goods do not match the description' });
      return number;
    }
    await run(ACCEPT, {});
    if (status === 'UNDER_REVIEW') await run(REVIEW, {});
    if (['INSPECTION_REQUIRED', 'PASSED', 'FAILED'].includes(status)) {
      await run(REQUIRE_INSPECTION, { facility: SITES.pek });
    }
    if (status === 'PASSED' || status === 'FAILED') {
      await run(RECORD_RESULT, { result: status, completedAt: '2025-06-01T12:00:00Z' });
    }
    if (status === 'RELEASED') await run(RELEASE, { releasedAt: '2025-06-01T14:00:00Z' });
    return number;
  }
}

let serial = 0;

/** A fresh AWB (check digit valid) that no shipment has. */
export async function freshAwb(db: Database): Promise<string> {
  for (;;) {
    const awb = makeAwb('172', 9_000_000 + (process.pid % 1000) * 1000 + ++serial);
    const rows = await db.query('SELECT 1 FROM customs.shipment WHERE awb = $1', [awb]);
    if (rows.length === 0) return awb;
  }
}

/** What a write must leave alone: the declaration row and its history. */
export async function declarationState(db: Database, number: string): Promise<Json> {
  const [row] = await db.query('SELECT * FROM customs.declaration WHERE number = $1', [number]);
  const history = await db.query(
    `SELECT entity_type, from_status, to_status, reason FROM customs.status_change
      WHERE entity_id = $1 ORDER BY id`,
    [number],
  );
  return { row, history };
}

export async function applicationState(db: Database, number: string): Promise<Json> {
  const [row] = await db.query(
    'SELECT * FROM customs.special_goods_application WHERE number = $1',
    [number],
  );
  const history = await db.query(
    `SELECT from_status, to_status FROM customs.status_change
      WHERE entity_type = 'SpecialGoodsApplication' AND entity_id = $1 ORDER BY id`,
    [number],
  );
  return { row, history };
}

/** Rows of the customs tables a mutation could write to. */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM customs.shipment)::int AS shipments,
            (SELECT count(*) FROM customs.declaration)::int AS declarations,
            (SELECT count(*) FROM customs.declaration_item)::int AS items,
            (SELECT count(*) FROM customs.special_goods_application)::int AS applications,
            (SELECT count(*) FROM customs.special_goods_shipment)::int AS covered,
            (SELECT count(*) FROM customs.status_change)::int AS history,
            (SELECT count(*) FROM customs.idempotency_key)::int AS keys,
            (SELECT sum(version) FROM customs.shipment)::int AS shipment_versions,
            (SELECT sum(version) FROM customs.declaration)::int AS declaration_versions`,
  );
  return row;
}
