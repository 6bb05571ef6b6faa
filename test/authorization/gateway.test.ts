import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { Federation, startFederation } from '../support/federation';
import { expectData, expectError, Json } from '../support/graphql';
import { tokenFor } from '../support/identities';

/* eslint-disable @typescript-eslint/no-explicit-any -- responses are checked field by field */

/**
 * Field authorization through the gateway over the four real subgraphs and the demo world, with
 * bearer tokens as clients send them: what each caller keeps of an operation, and that aliases,
 * fragments and variables do not get it more.
 */

const AWB = SHOWCASE.cellTherapy;
let fed: Federation;
let consigneeUscc: string;

beforeAll(async () => {
  fed = await startFederation();
  consigneeUscc = expectData(
    await fed.graphql(
      `query($awb: ID!) { shipment(awb: $awb) { manifest { consignee { uscc } } } }`,
      {
        awb: AWB,
      },
    ),
  ).shipment.manifest.consignee.uscc;
});
afterAll(() => fed?.stop());

type Caller = (query: string, variables?: Record<string, unknown>) => Promise<Json>;
const as =
  (token: () => string | null): Caller =>
  (query, variables) =>
    fed.graphql(query, variables, { token: token() });
const anonymous = as(() => null);
const officer = as(() => tokenFor({ sub: 'officer-7', scopes: ['trade:read'] }));
/** The consignee of the shipment: an enterprise, with no scope. */
const enterprise = as(() => tokenFor({ sub: 'consignee', scopes: [], uscc: consigneeUscc }));
const customsWriter = as(() => tokenFor({ sub: 'customs-desk', scopes: ['customs:write'] }));

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
    const response = await enterprise(
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
    const response = await customsWriter(query, { id });
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
    const response = await enterprise(
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
    const { result: response, statements } = await fed.statementsOf(() => enterprise(register));
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
    expect(second.errors?.map((e: any) => e.extensions?.code)).toEqual([UNAUTHORIZED]);
    const third = expectData(await officer(query, { awb: AWB }));
    expect(third.shipment.awb).toBe(AWB);
  });
});
