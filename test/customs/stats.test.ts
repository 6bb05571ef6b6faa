import { customsSubgraph } from '../../subgraphs/customs';
import { expectData } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { insertFixtures } from './fixtures';

let customs: SubgraphUnderTest;
beforeAll(async () => {
  customs = await startSubgraphUnderTest(customsSubgraph, { fixtures: insertFixtures });
});
afterAll(() => customs?.stop());

const STATS = `query($airport: ID, $from: Date!, $to: Date!, $groupBy: ClearanceGroupBy!) {
  clearanceStats(airport: $airport, from: $from, to: $to, groupBy: $groupBy) {
    key declarations released medianHours p90Hours
  }
}`;

const stats = async (vars: Record<string, unknown>) =>
  expectData(await customs.graphql(STATS, { from: '2024-03-01', to: '2024-04-30', ...vars }))
    .clearanceStats;

const row = (
  key: string,
  declarations: number,
  released: number,
  medianHours: number | null,
  p90Hours: number | null,
) => ({ key, declarations, released, medianHours, p90Hours });

/*
 * Declarations filed 2024-03-01 .. 2024-04-30 in Beijing time (see fixtures.ts):
 *   d1 PEK 0110 no zone  Mar  released after 6 h
 *   d2 PKX 1210 DAXING   Mar  released after 24 h
 *   d3 PKX 9610 no zone  Apr  inspection required
 *   d4 PKX 0110 no zone  Apr  rejected
 *   d5 PKX 1210 DAXING   Apr  released after 4 h (filed 31 March 20:00 UTC = 1 April in Beijing)
 *   d6 PKX 5034 ZGC      Apr  filed
 *   d7 PEK 0110 no zone  Mar  released after 12 h (filed 29 Feb 17:00 UTC = 1 March in Beijing)
 * d8 (filed 30 April 16:30 UTC = 1 May in Beijing) is outside the range.
 * percentile_cont: median of [a, b] = (a + b) / 2; p90 of [a, b] = a + 0.9 (b - a).
 */
describe('clearanceStats', () => {
  it('groups by port of entry', async () => {
    expect(await stats({ groupBy: 'AIRPORT' })).toEqual([
      row('PEK', 2, 2, 9, 11.4),
      row('PKX', 5, 2, 14, 22),
    ]);
  });

  it('groups by supervision mode, with null hours where nothing was released', async () => {
    expect(await stats({ groupBy: 'SUPERVISION_MODE' })).toEqual([
      row('0110', 3, 2, 9, 11.4),
      row('1210', 2, 2, 14, 22),
      row('5034', 1, 0, null, null),
      row('9610', 1, 0, null, null),
    ]);
  });

  it('groups by bonded zone, declarations outside any zone under NONE', async () => {
    expect(await stats({ groupBy: 'BONDED_ZONE' })).toEqual([
      row('BJ-DAXING-CBZ', 2, 2, 14, 22),
      row('BJ-ZGC-CBZ', 1, 0, null, null),
      row('NONE', 4, 2, 9, 11.4),
    ]);
  });

  it('groups by month of filing in Beijing time', async () => {
    // March: 6, 12, 24 h → median 12, p90 = 12 + 0.8 × 12 = 21.6.
    expect(await stats({ groupBy: 'MONTH' })).toEqual([
      row('2024-03', 3, 3, 12, 21.6),
      row('2024-04', 4, 1, 4, 4),
    ]);
  });

  it('takes only shipments entering at the given airport', async () => {
    expect(await stats({ groupBy: 'MONTH', airport: 'PKX' })).toEqual([
      row('2024-03', 1, 1, 24, 24),
      row('2024-04', 4, 1, 4, 4),
    ]);
    expect(await stats({ groupBy: 'AIRPORT', airport: 'PEK' })).toEqual([
      row('PEK', 2, 2, 9, 11.4),
    ]);
  });

  it('includes both end days in Beijing time', async () => {
    // 1 May in Beijing holds d8 (8 h) only; 29 February in Beijing holds none of them.
    expect(await stats({ groupBy: 'MONTH', from: '2024-05-01', to: '2024-05-01' })).toEqual([
      row('2024-05', 1, 1, 8, 8),
    ]);
    expect(await stats({ groupBy: 'MONTH', from: '2024-02-29', to: '2024-02-29' })).toEqual([]);
  });

  it('gives an empty list for a period without declarations', async () => {
    expect(await stats({ groupBy: 'AIRPORT', from: '2023-01-01', to: '2023-12-31' })).toEqual([]);
  });
});
