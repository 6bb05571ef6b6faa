import { makeAwb } from '../../subgraphs/kit';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { postGraphQL } from '../../scripts/in-process-federation';
import { Federation, startFederation } from '../support/federation';

/* eslint-disable @typescript-eslint/no-explicit-any -- responses are checked field by field */

/**
 * The write pipeline is the same in every agency: a retry whose first call committed is answered
 * with the first result before any cross-agency check, so it succeeds while the gateway (through
 * which those checks read other agencies) is down. A new request in that state is refused.
 */
describe('an idempotent retry while the gateway is down, in every agency', () => {
  let fed: Federation;
  const url: Record<string, string> = {};
  const calls: {
    agency: string;
    mutation: string;
    input: () => Record<string, unknown>;
    first?: unknown;
  }[] = [];

  beforeAll(async () => {
    fed = await startFederation({ shipments: 200 });
    for (const s of fed.subgraphs) url[s.name] = s.url;
    const must = async (query: string, variables?: Record<string, unknown>) => {
      const res = await fed.query<any>(query, variables);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const { shipment } = await must(
      `query($awb: ID!) { shipment(awb: $awb) { manifest { consignee { uscc } } } }`,
      { awb: SHOWCASE.cellTherapy },
    );
    const agent: string = shipment.manifest.consignee.uscc;
    const { airport } = await must(
      '{ airport(iataCode: "PKX") { facilities { id kind status } } }',
    );
    const terminal = airport.facilities.find(
      (f: any) => f.kind === 'CONSOLIDATED_CARGO_WAREHOUSE' && f.status === 'OPERATIONAL',
    ).id;
    const { routes } = await must('{ routes(airline: "CA", first: 500) { nodes { id } } }');
    const taken = new Set(routes.nodes.map((r: any) => r.id));
    const { airports } = await must('{ airports { iataCode countryCode isBeijingHub } }');
    const europe = ['DE', 'FR', 'NL', 'GB', 'IT', 'ES', 'FI', 'SE', 'DK', 'NO', 'AT', 'CH', 'BE'];
    const destination = airports.find(
      (a: any) =>
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
      const typeName = call.mutation.split('(')[0];
      const inputType = `${typeName[0].toUpperCase()}${typeName.slice(1)}Input`;
      const res = await postGraphQL<any>(
        fed.gateway.url,
        `mutation($input: ${inputType}!) { ${call.mutation} }`,
        { input: call.input() },
      );
      expect(res.errors).toBeUndefined();
      call.first = res.data;
    }
    await fed.gateway.stop();
  });
  afterAll(() => fed?.stop());

  const send = (call: (typeof calls)[number], input: Record<string, unknown>) => {
    const typeName = call.mutation.split('(')[0];
    const inputType = `${typeName[0].toUpperCase()}${typeName.slice(1)}Input`;
    return postGraphQL<any>(
      url[call.agency],
      `mutation($input: ${inputType}!) { ${call.mutation} }`,
      {
        input,
      },
    );
  };

  it.each(['airports', 'customs', 'drugs', 'routes'])(
    '%s: the retry returns the first result without asking the gateway',
    async (agency) => {
      const call = calls.find((c) => c.agency === agency)!;
      const retry = await send(call, call.input());
      expect(retry.errors).toBeUndefined();
      expect(retry.data).toEqual(call.first);
    },
  );

  it.each(['airports', 'customs', 'drugs', 'routes'])(
    '%s: a new request needing the gateway is refused meanwhile (DEPENDENCY_UNAVAILABLE)',
    async (agency) => {
      const call = calls.find((c) => c.agency === agency)!;
      const res = await send(call, { ...call.input(), idempotencyKey: `${agency}-new-key` });
      expect(res.errors?.[0]?.extensions?.code).toBe('DEPENDENCY_UNAVAILABLE');
    },
  );
});
