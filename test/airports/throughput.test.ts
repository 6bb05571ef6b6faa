import { Interval } from '../../subgraphs/airports/entities/throughput';
import { periodsSpanned } from '../../subgraphs/airports/rules/throughput';
import { airportsSubgraph } from '../../subgraphs/airports';
import { expectData, expectError } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { insertFixtures } from './fixtures';

const QUERY = `query($airport: ID!, $from: Date!, $to: Date!, $interval: Interval!) {
  cargoThroughput(airport: $airport, from: $from, to: $to, interval: $interval) {
    periodStart shipments weightKg
  }
}`;

describe('periodsSpanned', () => {
  it.each([
    ['2024-12-04', '2024-12-04', Interval.DAY, 1],
    ['2024-01-01', '2024-12-31', Interval.DAY, 366],
    ['2024-02-28', '2024-03-01', Interval.DAY, 3],
    ['2024-12-08', '2024-12-09', Interval.WEEK, 2], // Sunday, then Monday
    ['2024-12-02', '2024-12-08', Interval.WEEK, 1], // Monday to Sunday
    ['2024-11-30', '2025-01-01', Interval.WEEK, 6],
    ['1970-01-01', '1970-01-04', Interval.WEEK, 1], // Thursday to Sunday
    ['1969-12-28', '1969-12-29', Interval.WEEK, 2], // before the epoch
    ['2024-12-31', '2025-01-01', Interval.MONTH, 2],
    ['2024-01-15', '2024-01-20', Interval.MONTH, 1],
  ])('%s to %s by %s is %i periods', (from, to, interval, expected) => {
    expect(periodsSpanned(from, to, interval)).toBe(expected);
  });
});

describe('cargoThroughput', () => {
  let airports: SubgraphUnderTest;
  beforeAll(async () => {
    airports = await startSubgraphUnderTest(airportsSubgraph, { fixtures: insertFixtures });
  });
  afterAll(() => airports?.stop());

  const run = (vars: { airport: string; from: string; to: string; interval: string }) =>
    airports.statementsOf(() => airports.graphql(QUERY, vars));

  it('groups arrivals by local (Asia/Shanghai) day in one statement', async () => {
    const { result, statements } = await run({
      airport: 'PKX',
      from: '2024-11-30',
      to: '2025-01-01',
      interval: 'DAY',
    });
    expect(expectData(result).cargoThroughput).toEqual([
      { periodStart: '2024-11-30', shipments: 1, weightKg: 100 },
      { periodStart: '2024-12-04', shipments: 2, weightKg: 4333.1 },
      // 16:30 UTC on Dec 4 is 00:30 on Dec 5 in Beijing
      { periodStart: '2024-12-05', shipments: 1, weightKg: 250.3 },
      { periodStart: '2024-12-09', shipments: 1, weightKg: 1000 },
      // 17:00 UTC on Dec 31 is 01:00 on New Year's Day in Beijing
      { periodStart: '2025-01-01', shipments: 1, weightKg: 270 },
    ]);
    expect(statements).toBe(1);
  });

  it('groups by ISO week, starting on Monday', async () => {
    const { result } = await run({
      airport: 'PKX',
      from: '2024-11-30',
      to: '2025-01-01',
      interval: 'WEEK',
    });
    expect(expectData(result).cargoThroughput).toEqual([
      { periodStart: '2024-11-25', shipments: 1, weightKg: 100 },
      { periodStart: '2024-12-02', shipments: 3, weightKg: 4583.4 },
      { periodStart: '2024-12-09', shipments: 1, weightKg: 1000 },
      { periodStart: '2024-12-30', shipments: 1, weightKg: 270 },
    ]);
  });

  it('groups by calendar month', async () => {
    const { result } = await run({
      airport: 'PKX',
      from: '2024-11-01',
      to: '2025-01-31',
      interval: 'MONTH',
    });
    expect(expectData(result).cargoThroughput).toEqual([
      { periodStart: '2024-11-01', shipments: 1, weightKg: 100 },
      { periodStart: '2024-12-01', shipments: 4, weightKg: 5583.4 },
      { periodStart: '2025-01-01', shipments: 1, weightKg: 270 },
    ]);
  });

  it('counts only arrivals between from and to, inclusive, in local time', async () => {
    // Dec 4 local: the cherries and coldA, but not coldB (Dec 4 in UTC, Dec 5 in Beijing).
    const day = await run({
      airport: 'PKX',
      from: '2024-12-04',
      to: '2024-12-04',
      interval: 'DAY',
    });
    expect(day.result.data!.cargoThroughput).toEqual([
      { periodStart: '2024-12-04', shipments: 2, weightKg: 4333.1 },
    ]);
    // A week period starts on its Monday even when `from` is later in the week.
    const week = await run({
      airport: 'PKX',
      from: '2024-12-04',
      to: '2024-12-04',
      interval: 'WEEK',
    });
    expect(week.result.data!.cargoThroughput).toEqual([
      { periodStart: '2024-12-02', shipments: 2, weightKg: 4333.1 },
    ]);
    // Nov 30 23:59 local is in; Dec 31 (the urchin lands on Jan 1 local) is out.
    const month = await run({
      airport: 'PKX',
      from: '2024-11-30',
      to: '2024-12-31',
      interval: 'MONTH',
    });
    expect(month.result.data!.cargoThroughput).toEqual([
      { periodStart: '2024-11-01', shipments: 1, weightKg: 100 },
      { periodStart: '2024-12-01', shipments: 4, weightKg: 5583.4 },
    ]);
  });

  it('keeps airports apart', async () => {
    const { result } = await run({
      airport: 'PEK',
      from: '2024-12-01',
      to: '2024-12-31',
      interval: 'MONTH',
    });
    expect(result.data!.cargoThroughput).toEqual([
      { periodStart: '2024-12-01', shipments: 1, weightKg: 999 },
    ]);
  });

  it('is empty for an airport without arrivals and for an unknown airport', async () => {
    for (const airport of ['FRA', 'ZZZ']) {
      const { result } = await run({
        airport,
        from: '2024-01-01',
        to: '2024-12-31',
        interval: 'DAY',
      });
      expect(expectData(result).cargoThroughput).toEqual([]);
    }
  });

  it('accepts the longest allowed ranges', async () => {
    for (const [from, to, interval] of [
      ['2024-01-01', '2024-12-31', 'DAY'], // 366 days
      ['2024-01-01', '2028-12-31', 'WEEK'], // 261 weeks
      ['2015-01-01', '2024-12-31', 'MONTH'], // 120 months
    ]) {
      const { result } = await run({ airport: 'PKX', from, to, interval });
      expect(expectData(result).cargoThroughput.length).toBeGreaterThan(0);
    }
  });

  describe('bad input', () => {
    const expectBadInput = async (
      vars: { airport: string; from: string; to: string; interval: string },
      field: string,
      message: RegExp,
    ) => {
      const { result, statements } = await run(vars);
      expect(result.data).toBeNull();
      expectError(result, 'BAD_USER_INPUT', { field, message });
      expect(statements).toBe(0);
    };

    it.each(['pkx', 'BEIJING', 'P1X'])('rejects the airport code %p', (airport) =>
      expectBadInput(
        { airport, from: '2024-12-01', to: '2024-12-31', interval: 'DAY' },
        'airport',
        /not an IATA airport code/,
      ),
    );

    it('rejects from after to', () =>
      expectBadInput(
        { airport: 'PKX', from: '2024-12-31', to: '2024-12-01', interval: 'DAY' },
        'to',
        /`to` \(2024-12-01\) is before `from` \(2024-12-31\)/,
      ));

    it('rejects more than 366 days', () =>
      expectBadInput(
        { airport: 'PKX', from: '2024-01-01', to: '2025-01-01', interval: 'DAY' },
        'to',
        /spans 367 periods of DAY; at most 366/,
      ));

    it('rejects more than 261 weeks', () =>
      expectBadInput(
        { airport: 'PKX', from: '2024-01-01', to: '2029-01-01', interval: 'WEEK' },
        'to',
        /spans 262 periods of WEEK; at most 261/,
      ));

    it('rejects more than 120 months', () =>
      expectBadInput(
        { airport: 'PKX', from: '2015-01-01', to: '2025-01-01', interval: 'MONTH' },
        'to',
        /spans 121 periods of MONTH; at most 120/,
      ));

    it('rejects an impossible date and an unknown interval', async () => {
      const date = await airports.graphql(QUERY, {
        airport: 'PKX',
        from: '2024-02-30',
        to: '2024-03-31',
        interval: 'DAY',
      });
      expectError(date, 'BAD_USER_INPUT', { message: 'YYYY-MM-DD' });
      const interval = await airports.graphql(QUERY, {
        airport: 'PKX',
        from: '2024-02-01',
        to: '2024-03-31',
        interval: 'YEAR',
      });
      expectError(interval, 'BAD_USER_INPUT');
    });
  });
});
