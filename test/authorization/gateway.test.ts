import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import type { Identity } from '../../gateway/identity';
import type { GatewayPlugin } from '../../gateway/plugins/gateway-plugin';
import { RunningGateway, startGateway } from '../../gateway/server';
import type { GatewayContext } from '../../gateway/subgraph-data-source';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { committedSupergraph, Federation, startFederation } from '../support/federation';
import { expectData, expectError, graphql, Json } from '../support/graphql';
import { CUSTOMS_WRITER, ENTERPRISE, OFFICER } from './identities';

/* eslint-disable @typescript-eslint/no-explicit-any -- responses are checked field by field */

/**
 * Field authorization through a real gateway over the four real subgraphs and the demo world.
 * The identity is put on `GatewayContext.identity` by a test plugin from an `x-test-identity`
 * header, where the authentication plugin puts the one it verified from a bearer token: what is
 * under test is what the authorization plugin does with it (and with none: anonymous).
 */

function identityFromTestHeader(): GatewayPlugin {
  return {
    name: 'test identity',
    wrapExecutor: (next) => async (requestContext) => {
      const header = requestContext.request.http?.headers.get('x-test-identity');
      if (header) {
        const { scopes, ...rest } = JSON.parse(header) as Identity & { scopes: string[] };
        (requestContext.context as GatewayContext).identity = { ...rest, scopes: new Set(scopes) };
      }
      return next(requestContext);
    },
  };
}

let fed: Federation;
let gateway: RunningGateway;

beforeAll(async () => {
  fed = await startFederation({ shipments: 60 });
  gateway = await startGateway({
    supergraphSdl: committedSupergraph(),
    port: 0,
    subgraphUrls: Object.fromEntries(fed.subgraphs.map((s) => [s.name, s.url])),
    plugins: [identityFromTestHeader()],
    log: () => undefined,
  });
});
afterAll(async () => {
  await gateway?.stop();
  await fed?.stop();
});

function as(identity: Identity | null) {
  const headers: Record<string, string> = identity
    ? { 'x-test-identity': JSON.stringify({ ...identity, scopes: [...identity.scopes] }) }
    : {};
  return (query: string, variables?: Record<string, unknown>) =>
    graphql<Json>(gateway.url, query, variables, headers);
}
const anonymous = as(null);
const officer = as(OFFICER);

const AWB = SHOWCASE.cellTherapy;
const UNAUTHORIZED = 'UNAUTHORIZED_FIELD_OR_TYPE';

describe('field authorization through the gateway', () => {
  it('an officer with trade:read gets the full picture, untouched', async () => {
    const { shipment } = expectData(await officer(FULL_PICTURE_QUERY, { awb: AWB }));
    expect(shipment.awb).toBe(AWB);
    expect(shipment.manifest.consignee.name).toEqual(expect.any(String));
    expect(shipment.declarations.length).toBeGreaterThan(0);
    expect(shipment.legs.length).toBeGreaterThan(0);
  });

  it('anonymous gets the public data, and the shipment answers null with an error at its path', async () => {
    const response = await anonymous(
      `query($awb: ID!) { airports(beijingHubsOnly: true) { iataCode } shipment(awb: $awb) { awb manifest { shipper } } }`,
      { awb: AWB },
    );
    const error = expectError(response, UNAUTHORIZED, {
      path: ['shipment'],
      message: /needs an authenticated caller/,
    });
    expect(error.extensions?.requestId).toEqual(expect.any(String));
    expect(response.data.airports.map((a: any) => a.iataCode).sort()).toEqual(['PEK', 'PKX']);
    expect(response.data.shipment).toBeNull();
  });

  it('anonymous reads no shipment data, and asks no agency, when nothing public is left', async () => {
    const { result: response, statements } = await fed.statementsOf(() =>
      anonymous(`{ shipments(first: 5) { totalCount nodes { awb } } }`),
    );
    expectError(response, UNAUTHORIZED, { path: ['shipments'] });
    expect(response.data).toBeNull(); // shipments is non-null: null reaches data
    expect(statements).toBe(0);
  });

  it('an identity without trade:read sees the shipment but not the credit rating nor other ways in', async () => {
    const response = await as(ENTERPRISE)(
      `query($awb: ID!) {
        shipment(awb: $awb) { awb consolidatedImport { id shipments { awb } } }
      }`,
      { awb: AWB },
    );
    expectError(response, UNAUTHORIZED, {
      path: ['shipment', 'consolidatedImport', 'shipments'],
      message: /trade:read/,
    });
    // shipments is non-null: its consolidated import (nullable) answers null, the shipment stands.
    expect(response.data.shipment).toEqual({ awb: AWB, consolidatedImport: null });
  });

  it("a writer without trade:read cannot read shipments through another agency's list", async () => {
    const { id } = expectData(
      await officer(`query($awb: ID!) { shipment(awb: $awb) { consolidatedImport { id } } }`, {
        awb: AWB,
      }),
    ).shipment.consolidatedImport;
    const query = `query($id: ID!) { consolidatedImport(id: $id) { id shipments { awb } } }`;
    const response = await as(CUSTOMS_WRITER)(query, { id });
    expectError(response, UNAUTHORIZED, { path: ['consolidatedImport', 'shipments'] });
    const visible = expectData(await officer(query, { id })).consolidatedImport;
    expect(visible.shipments.map((s: any) => s.awb)).toContain(AWB);
  });
});

describe('scope escalation attempts', () => {
  it('an alias, a named fragment on the root and a variable do not reach a restricted field', async () => {
    const response = await anonymous(
      `query Sneaky($awb: ID!, $show: Boolean = true) {
        ...Roots
        hubs: airports(beijingHubsOnly: true) { name: iataCode }
      }
      fragment Roots on Query {
        hubs2: airports(beijingHubsOnly: true) { iataCode }
        mine: shipment(awb: $awb) @include(if: $show) { ... on Shipment { awb } }
      }`,
      { awb: AWB },
    );
    expectError(response, UNAUTHORIZED, { path: ['mine'] });
    expect(response.data.mine).toBeNull();
    expect(response.data.hubs).toHaveLength(2);
  });

  it('a restricted field aliased to a public name is removed, not renamed into view', async () => {
    const { uscc } = expectData(
      await officer(
        `query($awb: ID!) { shipment(awb: $awb) { manifest { consignee { uscc } } } }`,
        {
          awb: AWB,
        },
      ),
    ).shipment.manifest.consignee;
    const response = await as(ENTERPRISE)(
      `query($uscc: ID!) { enterprise(uscc: $uscc) { uscc name: customsCreditRating } }`,
      { uscc },
    );
    expectError(response, UNAUTHORIZED, { path: ['enterprise', 'name'] });
    // The rating is non-null: the enterprise answers null rather than a rating under any name.
    expect(response.data).toEqual({ enterprise: null });
    const visible = await officer(
      `query($uscc: ID!) { enterprise(uscc: $uscc) { uscc name: customsCreditRating } }`,
      { uscc },
    );
    expect(expectData(visible).enterprise.name).toMatch(/CERTIFIED|REGISTERED|DISCREDITED/);
  });

  it("a mutation outside the caller's scopes is not run", async () => {
    const register = `mutation { registerManifest(input: {
      awb: "999-00000011", origin: "FRA", destination: "PEK", portOfEntry: "PEK", shipper: "x",
      consignee: "91110000000000000X", pieces: 1, grossWeightKg: 1, goodsDescription: "x" }) { awb } }`;
    const { result: response, statements } = await fed.statementsOf(() => as(ENTERPRISE)(register));
    expectError(response, UNAUTHORIZED, { path: ['registerManifest'], message: /customs:write/ });
    expect(response.data).toBeNull();
    expect(statements).toBe(0);
  });

  it('the same operation is planned per caller: one never gets the plan of another', async () => {
    const query = `query Same($awb: ID!) { shipment(awb: $awb) { awb } airports(beijingHubsOnly: true) { iataCode } }`;
    const first = expectData(await officer(query, { awb: AWB }));
    expect(first.shipment.awb).toBe(AWB);
    const second = await anonymous(query, { awb: AWB });
    expect(second.data.shipment).toBeNull();
    expect(second.errors?.map((e) => e.extensions?.code)).toEqual([UNAUTHORIZED]);
    const third = expectData(await officer(query, { awb: AWB }));
    expect(third.shipment.awb).toBe(AWB);
  });
});
