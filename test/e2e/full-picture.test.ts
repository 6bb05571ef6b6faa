import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { Federation, startFederation } from '../support/federation';
import { expectData, expectError } from '../support/graphql';

/* eslint-disable @typescript-eslint/no-explicit-any -- responses are checked field by field */

describe('the full cross-agency picture through the gateway', () => {
  let fed: Federation;
  beforeAll(async () => {
    fed = await startFederation();
  });
  afterAll(() => fed?.stop());

  async function picture(awb: string): Promise<any> {
    const { shipment } = expectData(
      await fed.graphql<{ shipment: any }>(FULL_PICTURE_QUERY, { awb }),
    );
    expect(shipment?.awb).toBe(awb);
    return shipment;
  }

  /** Every agency answered its part: customs (manifest), routes (carrier, legs), airports (names). */
  function expectEveryAgency(s: any) {
    expect(s.manifest.origin.name).toEqual(expect.any(String)); // airports via customs' stub
    expect(s.manifest.consignee.name).toEqual(expect.any(String)); // customs
    expect(s.carrier.name).toEqual(expect.any(String)); // routes
    expect(s.legs.length).toBeGreaterThanOrEqual(1); // routes
    expect(s.legs[0].flight.route.id).toMatch(/^[A-Z0-9]{2}-[A-Z]{3}-[A-Z]{3}$/);
    expect(s.clearance.status).toEqual(expect.any(String));
  }

  it('shows a transshipment with two or more legs, joined end to end', async () => {
    const s = await picture(SHOWCASE.transshipment);
    expectEveryAgency(s);
    expect(s.isTransshipment).toBe(true);
    expect(s.legs.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < s.legs.length; i++) {
      expect(s.legs[i].from.iataCode).toBe(s.legs[i - 1].to.iataCode);
      expect(s.legs[i].sequence).toBe(s.legs[i - 1].sequence + 1);
    }
  });

  it('shows 1210 bonded e-commerce cleared through the Daxing zone under zone-port integration', async () => {
    const s = await picture(SHOWCASE.bondedEcommerce1210);
    expectEveryAgency(s);
    const d = s.declarations.find((x: any) => x.supervisionMode.code === '1210');
    expect(d).toBeDefined();
    expect(d.bondedZone).toEqual({
      name: expect.stringMatching(/Daxing/),
      supervisionModel: 'ZONE_PORT_INTEGRATION',
    });
    expect(s.arrival.airport.iataCode).toBe('PKX');
  });

  it.each([
    ['fruit', 'DESIGNATED_SITE_FRUIT'],
    ['chilledSeafood', 'DESIGNATED_SITE_CHILLED_AQUATIC'],
  ] as const)('shows %s inspected at its designated site at PKX', async (kind, siteKind) => {
    const s = await picture(SHOWCASE[kind]);
    expectEveryAgency(s);
    expect(s.arrival.airport.iataCode).toBe('PKX');
    const inspected = s.declarations.filter((d: any) => d.inspection?.site);
    expect(inspected.length).toBeGreaterThan(0);
    expect(inspected[0].inspection.site.kind).toBe(siteKind);
    expect(inspected[0].inspection.required).toBe(true);
    expect(s.handlingEvents.map((e: any) => e.type)).toContain('INSPECTED_AT_DESIGNATED_SITE');
    expect(inspected[0].licences.map((l: any) => l.code)).toContain('A');
  });

  it('shows a cell-therapy import under a consolidated import with its special-goods application', async () => {
    const s = await picture(SHOWCASE.cellTherapy);
    expectEveryAgency(s);
    expect(s.manifest.consignee.drugImportAgent.categories).toContain('CELL_THERAPY');
    const items = s.declarations.flatMap((d: any) => d.items);
    const drugItem = items.find((i: any) => i.drugApproval);
    expect(drugItem.drugApproval.category).toBe('CELL_THERAPY');
    expect(drugItem.drugApproval.approvedUnits.length).toBeGreaterThan(0);
    expect(s.declarations.flatMap((d: any) => d.licences).map((l: any) => l.code)).toContain('Q');
    expect(s.consolidatedImport.agent.name).toBe(s.manifest.consignee.name);
    expect(s.consolidatedImport.specialGoodsApplication).toEqual({
      number: expect.any(String),
      status: 'APPROVED',
      riskLevel: 'D',
    });
  });

  it('shows a remanufactured item supervised as new', async () => {
    const s = await picture(SHOWCASE.remanufactured);
    expectEveryAgency(s);
    const items = s.declarations.flatMap((d: any) => d.items);
    expect(items).toContainEqual(
      expect.objectContaining({ remanufactured: true, supervisedAsNew: true }),
    );
  });

  it('shows a rejected declaration', async () => {
    const s = await picture(SHOWCASE.rejected);
    expectEveryAgency(s);
    expect(s.declarations.map((d: any) => d.status)).toContain('REJECTED');
  });

  it('computes clearance hours from the airports subgraph arrival (@requires)', async () => {
    const s = await picture(SHOWCASE.fruit);
    expect(s.clearance.status).toBe('RELEASED');
    const expected =
      (Date.parse(s.clearance.releasedAt) - Date.parse(s.arrival.arrivedAt)) / 3_600_000;
    expect(s.clearance.hoursFromArrivalToRelease).toBeCloseTo(expected, 1);
    expect(s.clearance.hoursFromArrivalToRelease).toBeGreaterThan(0);
  });

  it('works for every shipment in the data set, each agency answering its part', async () => {
    const page = FULL_PICTURE_QUERY.replace(/^#.*\n/, '')
      .replace('query Picture($awb: ID!)', 'query Page($after: String)')
      .replace(
        'shipment(awb: $awb) {',
        'shipments(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes {',
      )
      .replace(/\n}\n$/, '\n} }\n');
    let after: string | null = null;
    let seen = 0;
    do {
      const data: any = expectData(await fed.graphql(page, { after }));
      for (const s of data.shipments.nodes) {
        expect(s.manifest.origin.name).toEqual(expect.any(String));
        expect(s.manifest.consignee.name).toEqual(expect.any(String));
        expect(s.carrier.name).toEqual(expect.any(String));
        expect(s.legs.length).toBeGreaterThan(0);
        for (const leg of s.legs) expect(leg.flight.route.id).toEqual(expect.any(String));
        if (s.arrival) expect(s.arrival.facility.kind).toEqual(expect.any(String));
        for (const d of s.declarations) {
          for (const item of d.items) expect(item.hsCode).toMatch(/^\d{10}$/);
        }
        seen++;
      }
      after = data.shipments.pageInfo.hasNextPage ? data.shipments.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toBe(300);
  });

  it('answers null for an unknown but valid AWB, and BAD_USER_INPUT for a bad check digit', async () => {
    const unknown = await fed.graphql(FULL_PICTURE_QUERY, { awb: '999-99999992' });
    expect(expectData(unknown)).toEqual({ shipment: null });

    const bad = await fed.graphql(FULL_PICTURE_QUERY, { awb: '999-31415927' });
    expectError(bad, 'BAD_USER_INPUT', { message: /check digit/ });
  });
});
