import {
  declarationInput,
  FILE_DECLARATION,
  freshAwb,
  manifestInput,
  REGISTER_MANIFEST,
  World,
} from '../customs/operations';
import { Federation, startFederation } from '../support/federation';
import { expectData, expectError, GraphQLResponse, Json } from '../support/graphql';
import { identityFor, TokenClaims, tokenFor } from '../support/identities';

/**
 * Issue 7's row matrix through the gateway, over the seeded demo world: two enterprises each see
 * their own shipments and not the other's, a qualified agent its consolidated imports, an officer
 * everything, an anonymous caller none; writes need the agency's scope or the enterprise's own
 * identity; the owning subgraph logs every restricted read, readable under `audit:read`; small
 * statistics groups are withheld from callers without `trade:read`.
 */

let fed: Federation;

interface Party {
  uscc: string;
  claims: TokenClaims;
  token: string;
  /** Every AWB it is consignee or declarant of, from SQL. */
  awbs: Set<string>;
}

let a: Party;
let b: Party;
/** A shipment of B's that A is no party to, and one of A's that B is no party to. */
let awbOfBOnly: string;
let awbOfAOnly: string;
let agent: { uscc: string; token: string; imports: string[]; foreignImport: string };

const SHIPMENT = `query MyShipment($awb: ID!) {
  shipment(awb: $awb) { awb manifest { consignee { uscc } } } }`;
const SHIPMENTS = `query MyShipments($awbs: [ID!]) {
  shipments(first: 1000, filter: { awbs: $awbs }) { totalCount nodes { awb } } }`;

async function party(uscc: string): Promise<Party> {
  const rows = await fed.databases.customs.query<{ awb: string }>(
    `SELECT s.awb FROM customs.shipment s WHERE s.consignee_uscc = $1
      UNION SELECT d.awb FROM customs.declaration d WHERE d.declarant_uscc = $1`,
    [uscc],
  );
  const claims = { sub: `clerk-of-${uscc}`, scopes: [], uscc };
  return { uscc, claims, token: tokenFor(claims), awbs: new Set(rows.map((r) => r.awb)) };
}

const shipmentAs = (token: string | null, awb: string) => fed.graphql(SHIPMENT, { awb }, { token });
const awbsOf = (response: GraphQLResponse) =>
  expectData(response).shipments.nodes.map((n: { awb: string }) => n.awb);

beforeAll(async () => {
  fed = await startFederation();
  const consignees = await fed.databases.customs.query<{ uscc: string }>(
    `SELECT consignee_uscc AS uscc FROM customs.shipment
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`,
  );
  a = await party(consignees[0].uscc);
  b = await party(consignees[1].uscc);
  awbOfBOnly = [...b.awbs].find((awb) => !a.awbs.has(awb))!;
  awbOfAOnly = [...a.awbs].find((awb) => !b.awbs.has(awb))!;
  const imports = await fed.databases.drugs.query<{ id: string; agent: string }>(
    'SELECT id, agent_uscc AS agent FROM drugs.consolidated_import ORDER BY id',
  );
  const agentUscc = imports[0].agent;
  agent = {
    uscc: agentUscc,
    token: tokenFor({ sub: 'agent-clerk', scopes: [], uscc: agentUscc }),
    imports: imports.filter((i) => i.agent === agentUscc).map((i) => i.id),
    foreignImport: imports.find((i) => i.agent !== agentUscc)!.id,
  };
}, 120_000);
afterAll(() => fed?.stop());

describe('shipments: customs is the gatekeeper', () => {
  it('the demo world gives two enterprises with shipments the other is no party to', () => {
    expect(awbOfBOnly).toBeDefined();
    expect(awbOfAOnly).toBeDefined();
  });

  it('an enterprise reads its own shipment by AWB, and the other’s is null as if it did not exist', async () => {
    const own = expectData(await shipmentAs(a.token, awbOfAOnly));
    expect(own.shipment.awb).toBe(awbOfAOnly);
    const other = await shipmentAs(a.token, awbOfBOnly);
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual({ shipment: null });
    // The same answer as an AWB that customs never manifested.
    const unknown = await shipmentAs(a.token, await freshAwb(fed.databases.customs));
    expect(unknown).toEqual(other);
  });

  it('each enterprise lists exactly the shipments it is consignee or declarant of', async () => {
    for (const [me, other] of [
      [a, b],
      [b, a],
    ]) {
      const response = await fed.graphql(SHIPMENTS, {}, { token: me.token });
      const listed = awbsOf(response);
      expect(new Set(listed)).toEqual(me.awbs);
      expect(expectData(response).shipments.totalCount).toBe(me.awbs.size);
      const othersOnly = [...other.awbs].filter((awb) => !me.awbs.has(awb));
      expect(othersOnly.length).toBeGreaterThan(0);
      for (const awb of othersOnly) expect(listed).not.toContain(awb);
    }
  });

  it('asking for another’s AWB in the list filter leaves it out', async () => {
    const response = await fed.graphql(
      SHIPMENTS,
      { awbs: [awbOfAOnly, awbOfBOnly] },
      { token: a.token },
    );
    expect(awbsOf(response)).toEqual([awbOfAOnly]);
  });

  it('an officer with trade:read reads both; an anonymous caller neither', async () => {
    const officer = tokenFor({ sub: 'officer-rows', scopes: ['trade:read'] });
    expect(expectData(await shipmentAs(officer, awbOfBOnly)).shipment.awb).toBe(awbOfBOnly);
    expect(expectData(await shipmentAs(officer, awbOfAOnly)).shipment.awb).toBe(awbOfAOnly);
    for (const awb of [awbOfAOnly, awbOfBOnly]) {
      const response = await shipmentAs(null, awb);
      expect(response.data?.shipment ?? null).toBeNull();
    }
    const list = await fed.graphql(SHIPMENTS, {}, { token: null });
    expect(list.data?.shipments?.nodes ?? []).toEqual([]);
  });

  it('`_entities` probing of customs answers another’s shipment as unknown', async () => {
    const probe = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shipment { awb } } }`;
    const representations = [
      { __typename: 'Shipment', awb: awbOfAOnly },
      { __typename: 'Shipment', awb: awbOfBOnly },
    ];
    const asA = await fed
      .subgraph('customs')
      .graphql(probe, { r: representations }, { identity: identityFor(a.claims) });
    expect(expectData(asA)._entities).toEqual([{ awb: awbOfAOnly }, null]);
    const anonymous = await fed
      .subgraph('customs')
      .graphql(probe, { r: representations }, { identity: null });
    expect(expectData(anonymous)._entities).toEqual([null, null]);
  });

  it('the airports’ part of a shipment is not reachable around customs by an anonymous caller', async () => {
    const probe = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shipment { awb arrival { arrivedAt } } } }`;
    const response = await fed
      .subgraph('airports')
      .graphql(probe, { r: [{ __typename: 'Shipment', awb: awbOfAOnly }] }, { identity: null });
    expect(expectData(response)._entities).toEqual([null]);
    // Signed by the gateway for the enterprise customs let in, the same representation resolves.
    const asA = await fed
      .subgraph('airports')
      .graphql(
        probe,
        { r: [{ __typename: 'Shipment', awb: awbOfAOnly }] },
        { identity: identityFor(a.claims) },
      );
    expect(expectData(asA)._entities).toEqual([expect.objectContaining({ awb: awbOfAOnly })]);
  });
});

describe('consolidated imports: the agent', () => {
  const IMPORT = `query($id: ID!) { consolidatedImport(id: $id) { id agent { uscc } } }`;
  const IMPORTS = `{ consolidatedImports(first: 1000) { totalCount nodes { id } } }`;

  it('a qualified agent reads its own imports, and another agent’s is null', async () => {
    const own = expectData(
      await fed.graphql(IMPORT, { id: agent.imports[0] }, { token: agent.token }),
    );
    expect(own.consolidatedImport).toEqual({ id: agent.imports[0], agent: { uscc: agent.uscc } });
    const foreign = await fed.graphql(IMPORT, { id: agent.foreignImport }, { token: agent.token });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data).toEqual({ consolidatedImport: null });
    const list = expectData(await fed.graphql(IMPORTS, {}, { token: agent.token }));
    expect(list.consolidatedImports.nodes.map((n: { id: string }) => n.id)).toEqual(agent.imports);
    expect(list.consolidatedImports.totalCount).toBe(agent.imports.length);
  });

  it('an officer lists every import; anonymous none', async () => {
    const all = expectData(await fed.graphql(IMPORTS));
    expect(all.consolidatedImports.nodes.map((n: Json) => n.id)).toEqual(
      expect.arrayContaining([...agent.imports, agent.foreignImport]),
    );
    const anonymous = await fed.graphql(IMPORTS, {}, { token: null });
    expect(anonymous.data?.consolidatedImports?.nodes ?? []).toEqual([]);
  });
});

describe('writes', () => {
  // What an agent may read back of its new import (its shipments need trade:read).
  const CREATE_IMPORT = `mutation($input: CreateConsolidatedImportInput!) {
    createConsolidatedImport(input: $input) { id status agent { uscc } } }`;

  const world = (): World => ({
    enterprise: a.uscc,
    otherEnterprise: b.uscc,
    agent: agent.uscc,
    consolidatedImport: agent.imports[0],
    foreignImport: agent.foreignImport,
  });

  async function manifestedFor(consignee: string): Promise<string> {
    const awb = await freshAwb(fed.databases.customs);
    expectData(
      await fed.graphql(REGISTER_MANIFEST, { input: manifestInput(world(), awb, { consignee }) }),
    );
    return awb;
  }

  it("a writer of another agency is refused customs' mutation, at the gateway and directly, and nothing is written", async () => {
    const claims = { sub: 'drugs-system', scopes: ['drugs:write', 'trade:read'] };
    const awb = await freshAwb(fed.databases.customs);
    const variables = { input: manifestInput(world(), awb) };
    // The gateway removes the field by its declared scope; customs itself refuses a direct call.
    const viaGateway = await fed.graphql(REGISTER_MANIFEST, variables, {
      token: tokenFor(claims),
    });
    expectError(viaGateway, 'UNAUTHORIZED_FIELD_OR_TYPE');
    const direct = await fed
      .subgraph('customs')
      .graphql(REGISTER_MANIFEST, variables, { identity: identityFor(claims) });
    expectError(direct, 'FORBIDDEN', { message: 'customs:write' });
    const rows = await fed.databases.customs.query(
      'SELECT 1 FROM customs.shipment WHERE awb = $1',
      [awb],
    );
    expect(rows).toHaveLength(0);
  });

  it('an enterprise files a declaration as its declarant, but not as another’s', async () => {
    const awb = await manifestedFor(a.uscc);
    const own = await fed.graphql(
      FILE_DECLARATION,
      { input: declarationInput(world(), awb, { declarant: a.uscc }) },
      { token: a.token },
    );
    expect(expectData(own).fileDeclaration.declarant.uscc).toBe(a.uscc);
    const forOther = await fed.graphql(
      FILE_DECLARATION,
      { input: declarationInput(world(), awb, { declarant: b.uscc }) },
      { token: a.token },
    );
    expectError(forOther, 'FORBIDDEN');
  });

  it('a qualified agent opens its own consolidated import, but not one for another agent', async () => {
    const own = await fed.graphql(
      CREATE_IMPORT,
      { input: { agentUscc: agent.uscc } },
      { token: agent.token },
    );
    expect(expectData(own).createConsolidatedImport.agent.uscc).toBe(agent.uscc);
    const otherAgent = (
      await fed.databases.drugs.query<{ uscc: string }>(
        'SELECT uscc FROM drugs.agent_qualification WHERE uscc <> $1 LIMIT 1',
        [agent.uscc],
      )
    )[0].uscc;
    const forOther = await fed.graphql(
      CREATE_IMPORT,
      { input: { agentUscc: otherAgent } },
      { token: agent.token },
    );
    expectError(forOther, 'FORBIDDEN');
    // An enterprise that is no agent cannot open one for itself either.
    const notAgent = await fed.graphql(
      CREATE_IMPORT,
      { input: { agentUscc: b.uscc } },
      { token: b.token },
    );
    expectError(notAgent, 'FORBIDDEN');
  });
});

describe('the access log', () => {
  const LOG = `query($subject: String) {
    customsAccessLog(first: 50, subject: $subject) {
      nodes { identityKind subject uscc operationName entityType keys } } }`;
  const auditor = () => tokenFor({ sub: 'auditor-1', scopes: ['audit:read'] });

  /**
   * The auditor's view of one subject's customs reads, once `done` holds: the log is written off
   * the request path, so it is polled (bounded), and what it holds is asserted, not when.
   */
  async function logOf(subject: string, done: (entries: Json[]) => boolean): Promise<Json[]> {
    let entries: Json[] = [];
    for (let i = 0; i < 100; i++) {
      const response = await fed.graphql(LOG, { subject }, { token: auditor() });
      entries = expectData(response).customsAccessLog.nodes;
      if (done(entries)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return entries;
  }

  it('records who read which shipment under which operation, for audit:read only', async () => {
    expectData(await shipmentAs(b.token, awbOfBOnly));
    const entries = await logOf(b.claims.sub, (e) =>
      e.some((entry) => entry.operationName === 'MyShipment'),
    );
    expect(entries).toContainEqual({
      identityKind: 'USER',
      subject: b.claims.sub,
      uscc: b.uscc,
      operationName: 'MyShipment',
      entityType: 'Shipment',
      keys: [awbOfBOnly],
    });
    // Nobody reads the log without audit:read: not an enterprise, not an officer with trade:read.
    for (const token of [b.token, tokenFor({ sub: 'officer-2', scopes: ['trade:read'] }), null]) {
      const refused = await fed.graphql(LOG, { subject: b.claims.sub }, { token });
      expect(refused.data?.customsAccessLog ?? null).toBeNull();
      expect(['FORBIDDEN', 'UNAUTHORIZED_FIELD_OR_TYPE', 'UNAUTHENTICATED']).toContain(
        refused.errors?.[0]?.extensions?.code,
      );
    }
  });

  it('records nothing for a shipment the caller was refused', async () => {
    const read = (name: string, awb: string) =>
      fed.graphql(
        `query ${name}($awb: ID!) { shipment(awb: $awb) { awb } }`,
        { awb },
        {
          token: a.token,
        },
      );
    await read('Probe', awbOfBOnly);
    await read('Own', awbOfAOnly);
    const entries = await logOf(a.claims.sub, (e) =>
      e.some((entry) => entry.operationName === 'Own'),
    );
    expect(entries.filter((e) => e.operationName === 'Own').map((e) => e.keys)).toEqual([
      [awbOfAOnly],
    ]);
    expect(entries.filter((e) => e.operationName === 'Probe')).toEqual([]);
  });
});

describe('clearance statistics', () => {
  const STATS = `query($from: Date!, $to: Date!) {
    clearanceStats(from: $from, to: $to, groupBy: MONTH) { key declarations } }`;

  it('withholds groups of fewer than 5 declarations from callers without trade:read', async () => {
    // The first 1,000 days of filings in the demo world, by month.
    const [range] = await fed.databases.customs.query<{ from: string; to: string }>(
      `SELECT day::text AS from, (day + 1000)::text AS to
         FROM (SELECT (min(filed_at) AT TIME ZONE 'Asia/Shanghai')::date AS day
                 FROM customs.declaration) first`,
    );
    const officer = expectData(await fed.graphql(STATS, range)).clearanceStats as Json[];
    expect(officer.some((g) => g.declarations < 5)).toBe(true);
    const expected = officer.filter((g) => g.declarations >= 5);
    for (const token of [null, a.token]) {
      expect(expectData(await fed.graphql(STATS, range, { token })).clearanceStats).toEqual(
        expected,
      );
    }
  });
});
