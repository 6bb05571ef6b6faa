import { drugsSubgraph } from '../../subgraphs/drugs';
import { beijingDate, onOneBeijingDay } from '../support/dates';
import { expectData, expectError, Json } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { insertFixtures } from './fixtures';
import { APPROVAL, approvalInput, REGISTER, SET_STATUS } from './operations';
import { OFFICER_ACTOR } from '../support/identities';

/**
 * registerDrugApproval and setDrugApprovalStatus against the drugs subgraph alone (no other
 * agency's fact is needed): validation, the approval state machine, history, versions,
 * idempotency and concurrent transitions.
 */

let drugs: SubgraphUnderTest;
beforeAll(async () => {
  drugs = await startSubgraphUnderTest(drugsSubgraph, { fixtures: insertFixtures });
});
afterAll(() => drugs?.stop());

async function register(overrides: Record<string, unknown> = {}): Promise<Json> {
  return expectData(await drugs.graphql(REGISTER, { input: approvalInput(overrides) }))
    .registerDrugApproval;
}

async function setStatus(input: Record<string, unknown>) {
  return drugs.graphql(SET_STATUS, { input: { reason: 'regulator decision', ...input } });
}

async function approval(number: string): Promise<Json> {
  return expectData(await drugs.graphql(APPROVAL, { n: number })).drugApproval;
}

async function count(sql: string, values: unknown[]): Promise<number> {
  const [row] = await drugs.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${sql}`,
    values,
  );
  return row.n;
}

describe('registerDrugApproval', () => {
  it('registers a VALID approval with its units, version 1 and a creation history row', async () => {
    const input = approvalInput({ approvedUnitIds: ['BJ-PUMCH', 'BJ-BCH'] });
    const a = expectData(await drugs.graphql(REGISTER, { input })).registerDrugApproval;
    expect(a).toMatchObject({
      number: input.number,
      productName: 'Test CAR-T suspension',
      category: 'CELL_THERAPY',
      originCountry: 'CH',
      approvedOn: '2025-01-15',
      validUntil: input.validUntil,
      status: 'VALID',
      safetyAssessed: true,
      version: 1,
      approvedUnits: [{ id: 'BJ-BCH' }, { id: 'BJ-PUMCH' }],
    });
    expect(a.history).toEqual([
      { from: null, to: 'VALID', actor: OFFICER_ACTOR, reason: null, at: expect.any(String) },
    ]);
    expect(await approval(a.number)).toEqual(a);
  });

  it('registers an approval valid until today (Beijing), the last day it is valid', async () => {
    const { today, res } = await onOneBeijingDay(async (today) => ({
      today,
      res: await drugs.graphql(REGISTER, { input: approvalInput({ validUntil: today }) }),
    }));
    expect(expectData(res).registerDrugApproval).toMatchObject({
      validUntil: today,
      status: 'VALID',
    });
  });

  it('accepts the official 国药准字 form and stores the ASCII form', async () => {
    const a = await register({ number: '国药准字SJ20990501' });
    expect(a.number).toBe('SJ20990501');
    expect((await approval('国药准字SJ20990501')).number).toBe('SJ20990501');
  });

  it('refuses a number already registered with CONFLICT, writing nothing', async () => {
    const res = await drugs.graphql(REGISTER, { input: approvalInput({ number: 'SJ20180023' }) });
    expectError(res, 'CONFLICT', { field: 'input.number' });
    expect((await approval('SJ20180023')).productName).toBe(
      'Tisagenlecleucel suspension for infusion',
    );
    expect(await count('drugs.status_change WHERE entity_id = $1', ['SJ20180023'])).toBe(0);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a malformed number', { number: 'XJ2018002' }, 'input.number', 'XJ2018002'],
    ['the official prefix with a bad rest', { number: '国药准字SJ2018' }, 'input.number', 'SJ2018'],
    ['a blank product name', { productName: '  ' }, 'input.productName', 'productName'],
    ['a blank manufacturer', { manufacturer: '' }, 'input.manufacturer', 'manufacturer'],
    ['a three-letter country', { originCountry: 'CHE' }, 'input.originCountry', 'CHE'],
    ['a lower-case country', { originCountry: 'ch' }, 'input.originCountry', 'ch'],
    [
      // Both still ahead of today, so only the order of the two dates is wrong.
      'validUntil before approvedOn',
      { approvedOn: beijingDate(400), validUntil: beijingDate(399) },
      'input.validUntil',
      'is before `input.approvedOn`',
    ],
    [
      'a validity that ended yesterday',
      { approvedOn: '2015-01-01', validUntil: beijingDate(-1) },
      'input.validUntil',
      'already past',
    ],
    [
      'an institution listed twice',
      { approvedUnitIds: ['BJ-BCH', 'BJ-BCH'] },
      'input.approvedUnitIds[1]',
      'listed twice',
    ],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field',
    async (_what, overrides, field, message) => {
      const input = approvalInput(overrides);
      const res = await drugs.graphql(REGISTER, { input });
      expectError(res, 'BAD_USER_INPUT', { field, message });
      expect(await count('drugs.drug_approval WHERE number = $1', [input.number])).toBe(0);
    },
  );

  it('refuses an unknown institution with NOT_FOUND naming it, writing nothing', async () => {
    const input = approvalInput({ approvedUnitIds: ['BJ-PUMCH', 'BJ-NOWHERE'] });
    const res = await drugs.graphql(REGISTER, { input });
    expectError(res, 'NOT_FOUND', { field: 'input.approvedUnitIds[1]' });
    expect(await count('drugs.drug_approval WHERE number = $1', [input.number])).toBe(0);
    expect(await count('drugs.approved_unit WHERE approval_number = $1', [input.number])).toBe(0);
  });

  it('refuses an impossible date before resolving (scalar coercion), naming the field', async () => {
    const res = await drugs.graphql(REGISTER, {
      input: approvalInput({ approvedOn: '2025-02-30' }),
    });
    expectError(res, 'BAD_USER_INPUT', { field: 'input.approvedOn' });
  });

  it('returns the first result for a retry with the same key, and refuses another input', async () => {
    const input = { ...approvalInput(), idempotencyKey: 'register-once' };
    const first = expectData(await drugs.graphql(REGISTER, { input })).registerDrugApproval;
    const again = expectData(await drugs.graphql(REGISTER, { input })).registerDrugApproval;
    expect(again).toEqual(first);
    expect(await count('drugs.status_change WHERE entity_id = $1', [input.number])).toBe(1);

    const other = { ...input, productName: 'Something else' };
    expectError(await drugs.graphql(REGISTER, { input: other }), 'IDEMPOTENCY_CONFLICT', {
      field: 'input.idempotencyKey',
    });
    expect((await approval(input.number)).productName).toBe('Test CAR-T suspension');
  });
});

describe('setDrugApprovalStatus', () => {
  it('suspends and reinstates, recording each change with its reason and bumping the version', async () => {
    const { number } = await register();
    const suspended = expectData(
      await setStatus({ number, status: 'SUSPENDED', reason: 'adverse event review' }),
    ).setDrugApprovalStatus;
    expect(suspended).toMatchObject({ status: 'SUSPENDED', version: 2 });
    const valid = expectData(
      await setStatus({ number, status: 'VALID', reason: 'review closed', expectedVersion: 2 }),
    ).setDrugApprovalStatus;
    expect(valid).toMatchObject({ status: 'VALID', version: 3 });
    expect(valid.history.map((c: Json) => [c.from, c.to, c.reason])).toEqual([
      [null, 'VALID', null],
      ['VALID', 'SUSPENDED', 'adverse event review'],
      ['SUSPENDED', 'VALID', 'review closed'],
    ]);
  });

  it.each([
    [[], 'VALID', 'VALID'],
    [['SUSPENDED'], 'SUSPENDED', 'SUSPENDED'],
    [['REVOKED'], 'REVOKED', 'VALID'],
    [['SUSPENDED', 'REVOKED'], 'REVOKED', 'SUSPENDED'],
    [['EXPIRED'], 'EXPIRED', 'VALID'],
    [['EXPIRED'], 'EXPIRED', 'REVOKED'],
  ])(
    'after %j refuses %s → %s with INVALID_STATE_TRANSITION, state and history unchanged',
    async (path, current, requested) => {
      const { number } = await register();
      for (const status of path) expectData(await setStatus({ number, status }));
      const before = await approval(number);
      expect(before.status).toBe(current);
      const res = await setStatus({ number, status: requested });
      expectError(res, 'INVALID_STATE_TRANSITION', {
        extensions: {
          entity: 'DrugApproval',
          id: number,
          current,
          requested,
        },
      });
      expect(await approval(number)).toEqual(before);
    },
  );

  it('refuses to reinstate an approval past its validity date', async () => {
    const { number } = await register();
    expectData(await setStatus({ number, status: 'SUSPENDED' }));
    // Time passes: the validity ends (yesterday, in Beijing) while it is suspended.
    const yesterday = beijingDate(-1);
    await drugs.db.query(
      `UPDATE drugs.drug_approval SET approved_on = '2015-01-01', valid_until = $2 WHERE number = $1`,
      [number, yesterday],
    );
    const before = await approval(number);
    const res = await setStatus({ number, status: 'VALID' });
    expectError(res, 'INVALID_STATE_TRANSITION', { message: `validity ended on ${yesterday}` });
    expect(await approval(number)).toEqual(before);
    // It can still be marked EXPIRED.
    expect(
      expectData(await setStatus({ number, status: 'EXPIRED' })).setDrugApprovalStatus.status,
    ).toBe('EXPIRED');
  });

  it('refuses a stale expectedVersion with CONFLICT, writing nothing', async () => {
    const { number } = await register();
    expectData(await setStatus({ number, status: 'SUSPENDED', expectedVersion: 1 }));
    const before = await approval(number);
    const res = await setStatus({ number, status: 'VALID', expectedVersion: 1 });
    expectError(res, 'CONFLICT', { extensions: { expectedVersion: 1, currentVersion: 2 } });
    expect(await approval(number)).toEqual(before);
  });

  it.each([
    ['a malformed number', { number: 'nope' }, 'BAD_USER_INPUT', 'input.number'],
    ['an unknown number', { number: 'SJ19990001' }, 'NOT_FOUND', 'input.number'],
    ['a blank reason', { number: 'SJ20180023', reason: ' ' }, 'BAD_USER_INPUT', 'input.reason'],
    [
      'an empty idempotency key',
      { number: 'SJ20180023', idempotencyKey: '' },
      'BAD_USER_INPUT',
      'input.idempotencyKey',
    ],
  ])('refuses %s', async (_what, input, code, field) => {
    const res = await setStatus({ status: 'SUSPENDED', ...input });
    expectError(res, code, { field });
    expect((await approval('SJ20180023')).status).toBe('VALID');
  });

  it('replays a retried transition with the same key instead of refusing it', async () => {
    const { number } = await register();
    const input = { number, status: 'REVOKED', idempotencyKey: `revoke-${number}` };
    const first = expectData(await setStatus(input)).setDrugApprovalStatus;
    const retry = expectData(await setStatus(input)).setDrugApprovalStatus;
    expect(retry).toEqual(first);
    expect(first.history).toHaveLength(2);
    const other = await setStatus({ ...input, reason: 'another reason' });
    expectError(other, 'IDEMPOTENCY_CONFLICT');
  });

  it('lets exactly one of 50 concurrent suspensions win: one history row, version + 1', async () => {
    const { number } = await register();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        setStatus({ number, status: 'SUSPENDED', reason: `attempt ${i}` }),
      ),
    );
    const wins = results.filter((r) => !r.errors);
    expect(wins).toHaveLength(1);
    const losers = results.filter((r) => r.errors);
    for (const r of losers) {
      expectError(r, 'INVALID_STATE_TRANSITION', {
        extensions: { current: 'SUSPENDED', requested: 'SUSPENDED' },
      });
    }
    const after = await approval(number);
    expect(after).toMatchObject({ status: 'SUSPENDED', version: 2 });
    expect(after.history.filter((c: Json) => c.to === 'SUSPENDED')).toHaveLength(1);
  });

  it('batches history: the history of many approvals costs one statement', async () => {
    const { statements } = await drugs.statementsOf(() =>
      drugs.graphql(`{ drugApprovals(first: 20) { nodes { number history { to } } } }`),
    );
    // page + count + one history batch
    expect(statements).toBeLessThanOrEqual(3);
  });
});
