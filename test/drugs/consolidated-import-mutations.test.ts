import { makeAwb, makeUscc } from '../../subgraphs/kit';
import { beijingDate } from '../support/dates';
import { Federation, startFederation } from '../support/federation';
import { ExpectedError, expectData, expectError, Json } from '../support/graphql';
import { SubgraphClient } from '../support/subgraph';
import {
  ADD_LINE,
  approvalInput,
  CREATE_IMPORT,
  IMPORT,
  LINK_SHIPMENT,
  QUALIFY,
  REGISTER,
  registeredEnterprises,
  SEEDED_AGENTS,
  SET_STATUS,
  SUBMIT,
} from './operations';
import { OFFICER_ACTOR } from '../support/identities';

/**
 * qualifyAgent, createConsolidatedImport, addConsolidatedLine, submitConsolidatedImport and
 * linkConsolidatedShipment, with a real customs answering the cross-agency checks through a real
 * gateway over the seeded demo world. Mutations go straight to the drugs subgraph.
 */

let fed: Federation;
let drugs: SubgraphClient;
/** Qualified by the tests for CELL_THERAPY and GENE_THERAPY only. */
let agent: string;
/** Enterprises in good standing at customs, not agents: qualified by individual tests. */
let spare: string[];
let discredited: string;
/** A valid USCC that customs does not know. */
const UNREGISTERED = makeUscc('91110000MA99XXXX0');
/** The same code with another check character. */
function wrongCheck(uscc: string): string {
  return uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
}
/** CELL_THERAPY, approved units BJ-PUMCH and BJ-PLAGH. */
let cell: string;
/** CLINICALLY_URGENT_DRUG, approved unit BJ-PUMCH: outside the agent's categories. */
let urgent: string;

async function register(overrides: Record<string, unknown> = {}): Promise<string> {
  return expectData(await drugs.graphql(REGISTER, { input: approvalInput(overrides) }))
    .registerDrugApproval.number;
}

async function openImport(agentUscc = agent): Promise<Json> {
  return expectData(await drugs.graphql(CREATE_IMPORT, { input: { agentUscc } }))
    .createConsolidatedImport;
}

function line(consolidatedImportId: string, overrides: Record<string, unknown> = {}) {
  return {
    consolidatedImportId,
    approvalNumber: cell,
    institutionId: 'BJ-PUMCH',
    quantity: 2,
    unit: 'bag',
    ...overrides,
  };
}

async function addLine(id: string, overrides: Record<string, unknown> = {}): Promise<Json> {
  return expectData(await drugs.graphql(ADD_LINE, { input: line(id, overrides) }))
    .addConsolidatedLine;
}

async function read(id: string): Promise<Json> {
  return expectData(await drugs.graphql(IMPORT, { id })).consolidatedImport;
}

async function count(sql: string, values: unknown[] = []): Promise<number> {
  const [row] = await drugs.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${sql}`,
    values,
  );
  return row.n;
}

beforeAll(async () => {
  fed = await startFederation();
  drugs = fed.subgraph('drugs');
  const good = registeredEnterprises('GENERAL_CERTIFIED');
  agent = good[0].uscc;
  spare = good.slice(1).map((e) => e.uscc);
  discredited = registeredEnterprises('DISCREDITED')[0].uscc;
  expectData(
    await drugs.graphql(QUALIFY, {
      input: {
        uscc: agent,
        qualifiedSince: '2025-06-01',
        categories: ['CELL_THERAPY', 'GENE_THERAPY'],
      },
    }),
  );
  cell = await register({ approvedUnitIds: ['BJ-PUMCH', 'BJ-PLAGH'] });
  urgent = await register({ category: 'CLINICALLY_URGENT_DRUG', approvedUnitIds: ['BJ-PUMCH'] });
}, 180_000);
afterAll(async () => {
  await fed?.stop();
});

describe('the seeded world the checks rely on', () => {
  it('has customs answer for the enterprises used here, through the gateway', async () => {
    const q = `query($u: ID!) { enterprise(uscc: $u) { customsCreditRating } }`;
    const rating = async (u: string) => (await fed.graphql(q, { u })).data?.enterprise;
    expect(await rating(agent)).toEqual({ customsCreditRating: 'GENERAL_CERTIFIED' });
    expect(await rating(discredited)).toEqual({ customsCreditRating: 'DISCREDITED' });
    expect(await rating(UNREGISTERED)).toBeNull();
  });
});

describe('qualifyAgent', () => {
  it('qualifies an enterprise of the customs register, then replaces its qualification', async () => {
    const uscc = spare[0];
    const q = expectData(
      await drugs.graphql(QUALIFY, {
        input: {
          uscc,
          qualifiedSince: '2025-03-01',
          categories: ['GENE_THERAPY', 'CELL_THERAPY', 'GENE_THERAPY'],
        },
      }),
    ).qualifyAgent;
    expect(q).toEqual({
      uscc,
      drugImportAgent: {
        qualifiedSince: '2025-03-01',
        categories: ['CELL_THERAPY', 'GENE_THERAPY'],
      },
    });
    const again = expectData(
      await drugs.graphql(QUALIFY, {
        input: { uscc, qualifiedSince: '2025-04-01', categories: ['REGISTERED_DRUG'] },
      }),
    ).qualifyAgent;
    expect(again.drugImportAgent).toEqual({
      qualifiedSince: '2025-04-01',
      categories: ['REGISTERED_DRUG'],
    });
    // The whole federation sees it: customs' name, the drug regulator's qualification.
    const res = await fed.graphql(
      `query($u: ID!) { enterprise(uscc: $u) { name drugImportAgent { categories } } }`,
      { u: uscc },
    );
    expect(res.data?.enterprise).toEqual({
      name: expect.any(String),
      drugImportAgent: { categories: ['REGISTERED_DRUG'] },
    });
  });

  it.each([
    ['a DISCREDITED enterprise', () => discredited, 'BAD_USER_INPUT', /DISCREDITED/],
    ['an enterprise customs does not know', () => UNREGISTERED, 'NOT_FOUND', /customs register/],
  ])('refuses %s, writing nothing', async (_what, uscc, code, message) => {
    const res = await drugs.graphql(QUALIFY, {
      input: { uscc: uscc(), qualifiedSince: '2025-01-01', categories: ['CELL_THERAPY'] },
    });
    expectError(res, code, { field: 'input.uscc', message });
    expect(await count('drugs.agent_qualification WHERE uscc = $1', [uscc()])).toBe(0);
  });

  it.each([
    ['a wrong USCC check character', { uscc: wrongCheck(UNREGISTERED) }, 'input.uscc'],
    ['a forbidden USCC character', { uscc: '91110000MA99NOPE0X' }, 'input.uscc'],
    ['a short USCC', { uscc: '9111' }, 'input.uscc'],
    ['no categories', { categories: [] }, 'input.categories'],
    ['a future qualification date', { qualifiedSince: beijingDate(2) }, 'input.qualifiedSince'],
  ])('refuses %s with BAD_USER_INPUT', async (_what, overrides, field) => {
    const input = {
      uscc: spare[1],
      qualifiedSince: '2025-01-01',
      categories: ['CELL_THERAPY'],
      ...overrides,
    };
    expectError(await drugs.graphql(QUALIFY, { input }), 'BAD_USER_INPUT', { field });
    expect(await count('drugs.agent_qualification WHERE uscc = $1', [spare[1]])).toBe(0);
  });

  it('replays the same key, refuses it with another input', async () => {
    const input = {
      uscc: spare[2],
      qualifiedSince: '2025-01-01',
      categories: ['CELL_THERAPY'],
      idempotencyKey: 'qualify-once',
    };
    const first = expectData(await drugs.graphql(QUALIFY, { input })).qualifyAgent;
    expect(expectData(await drugs.graphql(QUALIFY, { input })).qualifyAgent).toEqual(first);
    const res = await drugs.graphql(QUALIFY, { input: { ...input, categories: ['GENE_THERAPY'] } });
    expectError(res, 'IDEMPOTENCY_CONFLICT');
    expect(
      expectData(await drugs.graphql(QUALIFY, { input })).qualifyAgent.drugImportAgent.categories,
    ).toEqual(['CELL_THERAPY']);
  });
});

describe('createConsolidatedImport', () => {
  it('opens a COLLECTING import with the next id of the year and a creation history row', async () => {
    const ci = await openImport();
    // The year is the creation's, in Beijing (read back, so a test run across New Year agrees).
    const year = new Date(Date.parse(ci.createdAt) + 8 * 3600_000).toISOString().slice(0, 4);
    const [{ max }] = await drugs.db.query<{ max: number | null }>(
      `SELECT max(substr(id, 9)::int) AS max FROM drugs.consolidated_import
        WHERE id ~ $1 AND id <> $2`,
      [`^CI-${year}-\\d{6}$`, ci.id],
    );
    expect(ci).toMatchObject({
      id: `CI-${year}-${String((max ?? 0) + 1).padStart(6, '0')}`,
      status: 'COLLECTING',
      version: 1,
      submittedAt: null,
      agent: { uscc: agent },
      lines: [],
      shipments: [],
      history: [
        {
          from: null,
          to: 'COLLECTING',
          actor: OFFICER_ACTOR,
          reason: null,
          at: expect.any(String),
        },
      ],
    });
    const next = await openImport();
    expect(Number(next.id.slice(8))).toBe(Number(ci.id.slice(8)) + 1);
  });

  it('gives concurrent creations distinct ids', async () => {
    const made = await Promise.all(Array.from({ length: 10 }, () => openImport()));
    expect(new Set(made.map((c) => c.id)).size).toBe(10);
  });

  it('refuses an enterprise that is not a qualified agent', async () => {
    const before = await count('drugs.consolidated_import');
    const res = await drugs.graphql(CREATE_IMPORT, { input: { agentUscc: spare[3] } });
    expectError(res, 'BAD_USER_INPUT', { field: 'input.agentUscc' });
    expect(await count('drugs.consolidated_import')).toBe(before);
  });

  it('refuses an agent that customs has since rated DISCREDITED', async () => {
    // Qualified earlier, discredited by customs later.
    await drugs.db.query(
      `INSERT INTO drugs.agent_qualification (uscc, qualified_since, categories)
       VALUES ($1, '2024-01-01', '{CELL_THERAPY}')`,
      [discredited],
    );
    const before = await count('drugs.consolidated_import');
    const res = await drugs.graphql(CREATE_IMPORT, { input: { agentUscc: discredited } });
    expectError(res, 'BAD_USER_INPUT', { field: 'input.agentUscc', message: /DISCREDITED/ });
    expect(await count('drugs.consolidated_import')).toBe(before);
    await drugs.db.query(`DELETE FROM drugs.agent_qualification WHERE uscc = $1`, [discredited]);
  });

  it.each([
    ['an unregistered enterprise', () => UNREGISTERED, 'NOT_FOUND'],
    ['a malformed USCC', () => 'ABC', 'BAD_USER_INPUT'],
  ])('refuses %s', async (_what, uscc, code) => {
    const res = await drugs.graphql(CREATE_IMPORT, { input: { agentUscc: uscc() } });
    expectError(res, code, { field: 'input.agentUscc' });
  });

  it('works for a seeded agent', async () => {
    const ci = await openImport(SEEDED_AGENTS[2].uscc);
    expect(ci.agent.uscc).toBe(SEEDED_AGENTS[2].uscc);
  });

  it('replays the same key (one import), refuses it with another agent', async () => {
    const before = await count('drugs.consolidated_import');
    const input = { agentUscc: agent, idempotencyKey: 'open-once' };
    const first = expectData(
      await drugs.graphql(CREATE_IMPORT, { input }),
    ).createConsolidatedImport;
    const again = expectData(
      await drugs.graphql(CREATE_IMPORT, { input }),
    ).createConsolidatedImport;
    expect(again).toEqual(first);
    expect(await count('drugs.consolidated_import')).toBe(before + 1);
    expect(await count(`drugs.status_change WHERE entity_id = $1`, [first.id])).toBe(1);
    const res = await drugs.graphql(CREATE_IMPORT, {
      input: { ...input, agentUscc: SEEDED_AGENTS[0].uscc },
    });
    expectError(res, 'IDEMPOTENCY_CONFLICT');
    expect(await count('drugs.consolidated_import')).toBe(before + 1);
  });
});

describe('addConsolidatedLine and submitConsolidatedImport', () => {
  it('collects lines and submits: register → create → add → submit', async () => {
    const ci = await openImport();
    const one = await addLine(ci.id, { quantity: 3, unit: 'bag' });
    expect(one).toMatchObject({ version: 2, status: 'COLLECTING' });
    const two = await addLine(ci.id, {
      approvalNumber: `国药准字${cell}`,
      institutionId: 'BJ-PLAGH',
      quantity: 1.5,
      unit: 'vial',
      expectedVersion: 2,
    });
    expect(two.lines).toEqual([
      {
        line: 1,
        quantity: 3,
        unit: 'bag',
        approval: { number: cell },
        institution: { id: 'BJ-PUMCH' },
      },
      {
        line: 2,
        quantity: 1.5,
        unit: 'vial',
        approval: { number: cell },
        institution: { id: 'BJ-PLAGH' },
      },
    ]);
    const submitted = expectData(
      await drugs.graphql(SUBMIT, { input: { id: ci.id, expectedVersion: 3 } }),
    ).submitConsolidatedImport;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: 4 });
    expect(Date.parse(submitted.submittedAt)).toBeGreaterThanOrEqual(Date.parse(ci.createdAt));
    expect(submitted.history.map((c: Json) => [c.from, c.to])).toEqual([
      [null, 'COLLECTING'],
      ['COLLECTING', 'SUBMITTED'],
    ]);
    // Readable through the gateway like any seeded import.
    const res = await fed.graphql(
      `query($a: ID!) { consolidatedImports(agent: $a, status: SUBMITTED) { nodes { id lines { quantity } } } }`,
      { a: agent },
    );
    expect(res.data?.consolidatedImports.nodes).toContainEqual({
      id: ci.id,
      lines: [{ quantity: 3 }, { quantity: 1.5 }],
    });
  });

  /** Expects the refusal to have left the import exactly as it was (lines, version, history). */
  async function expectRefused(
    id: string,
    input: Record<string, unknown>,
    code: string,
    expected: ExpectedError = {},
  ): Promise<void> {
    const before = await read(id);
    expectError(await drugs.graphql(ADD_LINE, { input }), code, expected);
    expect(await read(id)).toEqual(before);
  }

  it('refuses a line on a submitted import with INVALID_STATE_TRANSITION (current SUBMITTED, requested COLLECTING)', async () => {
    const ci = await openImport();
    await addLine(ci.id);
    expectData(await drugs.graphql(SUBMIT, { input: { id: ci.id } }));
    await expectRefused(ci.id, line(ci.id), 'INVALID_STATE_TRANSITION', {
      extensions: { current: 'SUBMITTED', requested: 'COLLECTING' },
    });
  });

  it.each([['SUSPENDED'], ['REVOKED']])('refuses a line citing a %s approval', async (status) => {
    const number = await register();
    expectData(await drugs.graphql(SET_STATUS, { input: { number, status, reason: 'test' } }));
    const ci = await openImport();
    await expectRefused(ci.id, line(ci.id, { approvalNumber: number }), 'BAD_USER_INPUT', {
      field: 'input.approvalNumber',
      message: status,
    });
  });

  it('refuses a line citing an approval past its validity date, though still VALID', async () => {
    const number = await register();
    // Its validity ended yesterday (Beijing); nobody has marked it EXPIRED yet.
    const yesterday = beijingDate(-1);
    await drugs.db.query(
      `UPDATE drugs.drug_approval SET approved_on = '2015-01-01', valid_until = $2 WHERE number = $1`,
      [number, yesterday],
    );
    const ci = await openImport();
    await expectRefused(ci.id, line(ci.id, { approvalNumber: number }), 'BAD_USER_INPUT', {
      field: 'input.approvalNumber',
      message: yesterday,
    });
  });

  it('refuses a line for an institution the approval does not cover', async () => {
    const ci = await openImport();
    await expectRefused(ci.id, line(ci.id, { institutionId: 'BJ-BCH' }), 'BAD_USER_INPUT', {
      field: 'input.institutionId',
    });
  });

  it('refuses a line of a category the agent is not qualified for', async () => {
    const ci = await openImport();
    await expectRefused(ci.id, line(ci.id, { approvalNumber: urgent }), 'BAD_USER_INPUT', {
      field: 'input.approvalNumber',
      message: 'CLINICALLY_URGENT_DRUG',
    });
  });

  it.each([
    ['a zero quantity', { quantity: 0 }, 'BAD_USER_INPUT', 'input.quantity'],
    ['a negative quantity', { quantity: -1 }, 'BAD_USER_INPUT', 'input.quantity'],
    ['a blank unit', { unit: ' ' }, 'BAD_USER_INPUT', 'input.unit'],
    [
      'a malformed approval number',
      { approvalNumber: 'SJ123' },
      'BAD_USER_INPUT',
      'input.approvalNumber',
    ],
    ['an unknown approval', { approvalNumber: 'SJ19990001' }, 'NOT_FOUND', 'input.approvalNumber'],
    ['an unknown institution', { institutionId: 'BJ-NOWHERE' }, 'NOT_FOUND', 'input.institutionId'],
    ['a stale expectedVersion', { expectedVersion: 7 }, 'CONFLICT', undefined],
  ])('refuses %s', async (_what, overrides, code, field) => {
    const ci = await openImport();
    await expectRefused(ci.id, line(ci.id, overrides), code, { field });
  });

  it('refuses a line for an unknown import with NOT_FOUND', async () => {
    const res = await drugs.graphql(ADD_LINE, { input: line('CI-2026-999999') });
    expectError(res, 'NOT_FOUND', { field: 'input.consolidatedImportId' });
  });

  it('refuses to submit an import without lines, or twice, or on a stale version', async () => {
    const ci = await openImport();
    let res = await drugs.graphql(SUBMIT, { input: { id: ci.id } });
    expectError(res, 'BAD_USER_INPUT', { field: 'input.id' });
    expect(await read(ci.id)).toEqual(ci);

    await addLine(ci.id);
    res = await drugs.graphql(SUBMIT, { input: { id: ci.id, expectedVersion: 1 } });
    expectError(res, 'CONFLICT');

    expectData(await drugs.graphql(SUBMIT, { input: { id: ci.id, expectedVersion: 2 } }));
    const submitted = await read(ci.id);
    res = await drugs.graphql(SUBMIT, { input: { id: ci.id } });
    expectError(res, 'INVALID_STATE_TRANSITION', {
      extensions: { current: 'SUBMITTED', requested: 'SUBMITTED' },
    });
    expect(await read(ci.id)).toEqual(submitted);

    res = await drugs.graphql(SUBMIT, { input: { id: 'CI-2026-999999' } });
    expectError(res, 'NOT_FOUND', { field: 'input.id' });
  });

  it('refuses to submit when a line’s approval was suspended meanwhile', async () => {
    const number = await register();
    const ci = await openImport();
    await addLine(ci.id, { approvalNumber: number });
    expectData(
      await drugs.graphql(SET_STATUS, { input: { number, status: 'SUSPENDED', reason: 'recall' } }),
    );
    const before = await read(ci.id);
    const res = await drugs.graphql(SUBMIT, { input: { id: ci.id } });
    expectError(res, 'BAD_USER_INPUT', { field: 'input.id', message: /line 1 .* SUSPENDED/ });
    expect(await read(ci.id)).toEqual(before);
  });

  it('replays a retried line with the same key (one line), refuses the key with another input', async () => {
    const ci = await openImport();
    const input = { ...line(ci.id), idempotencyKey: `line-${ci.id}` };
    const first = expectData(await drugs.graphql(ADD_LINE, { input })).addConsolidatedLine;
    const again = expectData(await drugs.graphql(ADD_LINE, { input })).addConsolidatedLine;
    expect(again).toEqual(first);
    expect(first.lines).toHaveLength(1);
    const res = await drugs.graphql(ADD_LINE, { input: { ...input, quantity: 9 } });
    expectError(res, 'IDEMPOTENCY_CONFLICT');
    expect((await read(ci.id)).lines).toHaveLength(1);
  });

  it('replays a retried submission with the same key', async () => {
    const ci = await openImport();
    await addLine(ci.id);
    const input = { id: ci.id, idempotencyKey: `submit-${ci.id}` };
    const first = expectData(await drugs.graphql(SUBMIT, { input })).submitConsolidatedImport;
    expect(expectData(await drugs.graphql(SUBMIT, { input })).submitConsolidatedImport).toEqual(
      first,
    );
    expect(first.history).toHaveLength(2);
  });

  it('lets exactly one of 50 concurrent submissions win: one history row, version + 1', async () => {
    const ci = await openImport();
    const collecting = await addLine(ci.id);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => drugs.graphql(SUBMIT, { input: { id: ci.id } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) {
      expectError(r, 'INVALID_STATE_TRANSITION', {
        extensions: { current: 'SUBMITTED', requested: 'SUBMITTED' },
      });
    }
    const after = await read(ci.id);
    expect(after).toMatchObject({ status: 'SUBMITTED', version: collecting.version + 1 });
    expect(after.history.filter((c: Json) => c.to === 'SUBMITTED')).toHaveLength(1);
  });

  it('gives 20 concurrent lines 20 distinct line numbers', async () => {
    const ci = await openImport();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        drugs.graphql(ADD_LINE, { input: line(ci.id, { quantity: i + 1 }) }),
      ),
    );
    for (const r of results) expectData(r);
    const after = await read(ci.id);
    expect(after.lines.map((l: Json) => l.line)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(after.lines.map((l: Json) => l.quantity).sort((a: number, b: number) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(after.version).toBe(21);
  });
});

describe('linkConsolidatedShipment', () => {
  let freeAwbs: string[];
  beforeAll(async () => {
    const res = await fed.graphql(`{ shipments(first: 50) { nodes { awb } } }`);
    const linked = new Set(
      (
        await drugs.db.query<{ awb: string }>(`SELECT awb FROM drugs.consolidated_import_shipment`)
      ).map((r) => r.awb),
    );
    freeAwbs = res
      .data!.shipments.nodes.map((n: Json) => n.awb)
      .filter((a: string) => !linked.has(a));
    expect(freeAwbs.length).toBeGreaterThanOrEqual(2);
  });

  async function submittedImport(): Promise<Json> {
    const ci = await openImport();
    await addLine(ci.id);
    return expectData(await drugs.graphql(SUBMIT, { input: { id: ci.id } }))
      .submitConsolidatedImport;
  }

  it('records a shipment of the customs register on a submitted import, once', async () => {
    const ci = await submittedImport();
    const awb = freeAwbs[0];
    const linked = expectData(
      await drugs.graphql(LINK_SHIPMENT, {
        input: { consolidatedImportId: ci.id, awb: awb.replace('-', '') },
      }),
    ).linkConsolidatedShipment;
    expect(linked).toMatchObject({ shipments: [{ awb }], version: ci.version + 1 });
    const again = expectData(
      await drugs.graphql(LINK_SHIPMENT, { input: { consolidatedImportId: ci.id, awb } }),
    ).linkConsolidatedShipment;
    expect(again).toEqual(linked);
    // Customs' shipment now shows the drug regulator's part through the gateway.
    const res = await fed.graphql(
      `query($awb: ID!) { shipment(awb: $awb) { consolidatedImport { id status } } }`,
      { awb },
    );
    expect(res.data?.shipment.consolidatedImport).toEqual({ id: ci.id, status: 'SUBMITTED' });

    const other = await submittedImport();
    const refused = await drugs.graphql(LINK_SHIPMENT, {
      input: { consolidatedImportId: other.id, awb },
    });
    expectError(refused, 'BAD_USER_INPUT', { field: 'input.awb' });
    expect((await read(other.id)).shipments).toEqual([]);
  });

  it.each([
    [
      'a collecting import',
      'collecting',
      () => freeAwbs[1],
      'BAD_USER_INPUT',
      'input.consolidatedImportId',
    ],
    ['a malformed AWB', 'submitted', () => '999-31415927', 'BAD_USER_INPUT', 'input.awb'],
    [
      'an AWB customs has no manifest for',
      'submitted',
      () => makeAwb('999', 9999999),
      'NOT_FOUND',
      'input.awb',
    ],
  ])('refuses %s', async (_what, kind, awb, code, field) => {
    const ci = kind === 'collecting' ? await openImport() : await submittedImport();
    const res = await drugs.graphql(LINK_SHIPMENT, {
      input: { consolidatedImportId: ci.id, awb: awb() },
    });
    expectError(res, code, { field });
    expect((await read(ci.id)).shipments).toEqual([]);
  });
});
