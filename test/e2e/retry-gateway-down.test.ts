import { makeAwb } from '../../subgraphs/kit';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { Federation, startFederation } from '../support/federation';
import { AgencyName } from '../../subgraphs/agencies';
import { expectData, expectError, Json } from '../support/graphql';

/**
 * The write pipeline is the same in every agency: a retry whose first call committed is answered
 * with the first result before any cross-agency check, so it succeeds while the gateway (through
 * which those checks read other agencies) is down. A new request in that state is refused.
 */
interface Call {
  agency: string;
  /** The mutation's selection, e.g. `createRoute(input: $input) { id }`. */
  mutation: string;
  input: () => Record<string, unknown>;
  /** What the first call, through the gateway, answered. */
  first?: unknown;
}

/** The operation around a call's selection: its input type is named after the mutation. */
function documentOf(call: Call): string {
  const name = call.mutation.split('(')[0];
  return `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${call.mutation} }`;
}

describe('an idempotent retry while the gateway is down, in every agency', () => {
  let fed: Federation;
  const calls: Call[] = [];

  beforeAll(async () => {
    fed = await startFederation();
    const must = async (query: string, variables?: Record<string, unknown>) =>
      expectData(await fed.graphql(query, variables));
    const { shipment } = await must(
      `query($awb: ID!) { shipment(awb: $awb) { manifest { consignee { uscc } } } }`,
      { awb: SHOWCASE.cellTherapy },
    );
    const agent: string = shipment.manifest.consignee.uscc;
    const { airport } = await must(
      '{ airport(iataCode: "PKX") { facilities { id kind status } } }',
    );
    const terminal = airport.facilities.find(
      (f: Json) => f.kind === 'CONSOLIDATED_CARGO_WAREHOUSE' && f.status === 'OPERATIONAL',
    ).id;
    const { routes } = await must('{ routes(airline: "CA", first: 500) { nodes { id } } }');
    const taken = new Set(routes.nodes.map((r: Json) => r.id));
    const { airports } = await must('{ airports { iataCode countryCode isBeijingHub } }');
    const europe = ['DE', 'FR', 'NL', 'GB', 'IT', 'ES', 'FI', 'SE', 'DK', 'NO', 'AT', 'CH', 'BE'];
    const destination = airports.find(
      (a: Json) =>
        !a.isBeijingHub && europe.includes(a.countryCode) && !taken.has(`CA-PKX-${a.iataCode}`),
    ).iataCode;
    const { airline } = await must('{ airline(iataCode: "CA") { awbPrefix } }');
    const awb = makeAwb(airline.awbPrefix, 9_900_001);

    calls.push(
      {
        agency: 'customs',
        mutation: 'registerManifest(input: $input) { awb }',
        input: () => ({
          awb,
          origin: 'FRA',
          destination: 'PKX',
          portOfEntry: 'PKX',
          shipper: 'Retry GmbH',
          consignee: agent,
          pieces: 3,
          grossWeightKg: 30,
          goodsDescription: 'Spare parts',
          idempotencyKey: 'retry-customs',
        }),
      },
      {
        agency: 'airports',
        mutation: 'recordArrival(input: $input) { awb arrival { pieces } }',
        input: () => ({
          awb,
          airport: 'PKX',
          facility: terminal,
          arrivedAt: new Date().toISOString().slice(0, 19) + 'Z',
          pieces: 3,
          weightKg: 30,
          idempotencyKey: 'retry-airports',
        }),
      },
      {
        agency: 'drugs',
        mutation: 'createConsolidatedImport(input: $input) { id status }',
        input: () => ({ agentUscc: agent, idempotencyKey: 'retry-drugs' }),
      },
      {
        agency: 'routes',
        mutation: 'createRoute(input: $input) { id status }',
        input: () => ({
          airline: 'CA',
          origin: 'PKX',
          destination,
          region: 'EUROPE',
          status: 'PLANNED',
          weeklyFrequency: 3,
          weeklyCargoCapacityTonnes: 60,
          idempotencyKey: 'retry-routes',
        }),
      },
    );
    // Arrival time is fixed once, so that the retry sends the same input.
    for (const call of calls) {
      const input = call.input();
      call.input = () => input;
    }
    for (const call of calls) {
      call.first = expectData(await fed.graphql(documentOf(call), { input: call.input() }));
    }
    await fed.gateway.stop();
  });
  afterAll(() => fed?.stop());

  /**
   * Sends the call's mutation straight to its agency's subgraph, bypassing the gateway, with the
   * officer's identity signed as the gateway would have.
   */
  const send = (call: Call, input: Record<string, unknown>) =>
    fed.subgraph(call.agency as AgencyName).graphql(documentOf(call), { input });

  it.each(['airports', 'customs', 'drugs', 'routes'])(
    '%s: the retry returns the first result without asking the gateway',
    async (agency) => {
      const call = calls.find((c) => c.agency === agency)!;
      expect(expectData(await send(call, call.input()))).toEqual(call.first);
    },
  );

  it.each(['airports', 'customs', 'drugs', 'routes'])(
    '%s: a new request needing the gateway is refused meanwhile (DEPENDENCY_UNAVAILABLE)',
    async (agency) => {
      const call = calls.find((c) => c.agency === agency)!;
      expectError(
        await send(call, { ...call.input(), idempotencyKey: `${agency}-new-key` }),
        'DEPENDENCY_UNAVAILABLE',
        { message: 'the gateway did not answer' },
      );
    },
  );
});
