import { makeAwb } from '../../subgraphs/kit';
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { Federation, startFederation } from '../support/federation';
import { wholeHourFromNow } from '../support/dates';
import { expectData, expectError } from '../support/graphql';
import { after, flyShipment, planFlight } from './steps';
import { OFFICER_ACTOR } from '../support/identities';

/* eslint-disable @typescript-eslint/no-explicit-any -- responses are checked field by field */

/**
 * An inbound shipment's whole life, written by each agency through the gateway only: manifest →
 * leg → departure → arrival → tally at a designated site → declaration → accepted → inspection
 * required → passed → released → picked up. The full picture then shows every step.
 */
describe('an inbound shipment through its whole life, through the gateway', () => {
  let fed: Federation;
  beforeAll(async () => {
    fed = await startFederation();
  });
  afterAll(() => fed?.stop());

  it('shows every step in the full picture, with the right clearance hours', async () => {
    // The scenario runs from tomorrow on, whenever the suite runs.
    const t0 = wholeHourFromNow(24);
    const plan = await planFlight(fed, 'PKX', after(t0, 8), 8801);
    const { airline } = expectData(
      await fed.graphql<{ airline: { awbPrefix: string } }>(
        'query($c: ID!) { airline(iataCode: $c) { awbPrefix } }',
        { c: plan.flightNumber.slice(0, 2) },
      ),
    );
    const awb = makeAwb(airline.awbPrefix, 8_801_001);
    // Parties and codes as a real fruit import at Daxing uses them.
    const { shipment: model } = expectData(
      await fed.graphql<any>(
        `query($awb: ID!) { shipment(awb: $awb) { manifest { consignee { uscc } }
         declarations { customsOffice { code } declarant { uscc } } } }`,
        { awb: SHOWCASE.fruit },
      ),
    );
    const { airport } = expectData(
      await fed.graphql<any>(
        '{ airport(iataCode: "PKX") { facilities(kind: DESIGNATED_SITE_FRUIT) { id } } }',
      ),
    );
    const fruitSite: string = airport.facilities[0].id;

    // 1. Customs: the manifest, before departure.
    expectData(
      await fed.graphql(
        'mutation($i: RegisterManifestInput!) { registerManifest(input: $i) { awb } }',
        {
          i: {
            awb,
            origin: plan.from,
            destination: 'PKX',
            portOfEntry: 'PKX',
            shipper: 'Frutícola del Sur S.A.',
            consignee: model.manifest.consignee.uscc,
            pieces: 120,
            grossWeightKg: 2400,
            goodsDescription: 'Fresh cherries',
            manifestedAt: t0,
          },
        },
      ),
    );

    // 2. Civil aviation: the leg, the departure, the arrival.
    const departure = after(t0, 8);
    const landing = after(t0, 20);
    await flyShipment(fed, awb, plan, departure, landing);

    // 3. Airport: tally at the fruit designated site.
    const tally = after(t0, 20.5);
    expectData(
      await fed.graphql('mutation($i: RecordArrivalInput!) { recordArrival(input: $i) { awb } }', {
        i: {
          awb,
          airport: 'PKX',
          facility: fruitSite,
          arrivedAt: tally,
          pieces: 120,
          weightKg: 2398.5,
        },
      }),
    );

    // 4. Customs: declaration, acceptance, inspection at the designated site, release.
    const { fileDeclaration } = expectData(
      await fed.graphql<any>(
        'mutation($i: FileDeclarationInput!) { fileDeclaration(input: $i) { number status totalValue { amount currency } } }',
        {
          i: {
            awb,
            direction: 'IMPORT',
            customsOffice: model.declarations[0].customsOffice.code,
            supervisionMode: '0110',
            declarant: model.declarations[0].declarant.uscc,
            filedAt: after(t0, 21),
            currency: 'USD',
            items: [
              {
                hsCode: '0809290000',
                description: 'Fresh sweet cherries',
                quantity: 2400,
                unit: 'kg',
                value: '28800.00',
                originCountry: 'CL',
              },
            ],
            licences: [{ code: 'A', number: 'A-PKX-8801' }],
          },
        },
      ),
    );
    const number: string = fileDeclaration.number;
    expect(fileDeclaration.status).toBe('FILED');
    expect(fileDeclaration.totalValue).toEqual({ amount: '28800.00', currency: 'USD' });

    expectData(
      await fed.graphql(
        'mutation($i: AcceptDeclarationInput!) { acceptDeclaration(input: $i) { status } }',
        {
          i: { number },
        },
      ),
    );
    expectData(
      await fed.graphql(
        'mutation($i: RequireInspectionInput!) { requireInspection(input: $i) { status } }',
        {
          i: { number, facility: fruitSite },
        },
      ),
    );
    // Releasing before the inspection passed is refused, and changes nothing.
    const early = await fed.graphql(
      'mutation($i: ReleaseDeclarationInput!) { releaseDeclaration(input: $i) { status } }',
      { i: { number, releasedAt: after(t0, 22) } },
    );
    expectError(early, 'INVALID_STATE_TRANSITION');

    expectData(
      await fed.graphql(
        'mutation($i: RecordHandlingEventInput!) { recordHandlingEvent(input: $i) { awb } }',
        {
          i: {
            awb,
            type: 'INSPECTED_AT_DESIGNATED_SITE',
            at: after(t0, 22.5),
            facility: fruitSite,
          },
        },
      ),
    );
    expectData(
      await fed.graphql(
        'mutation($i: RecordInspectionResultInput!) { recordInspectionResult(input: $i) { status } }',
        { i: { number, result: 'PASSED', completedAt: after(t0, 23) } },
      ),
    );
    const released = after(t0, 24);
    expectData(
      await fed.graphql(
        'mutation($i: ReleaseDeclarationInput!) { releaseDeclaration(input: $i) { status } }',
        {
          i: { number, releasedAt: released },
        },
      ),
    );

    // 5. Airport: out of the warehouse, picked up.
    for (const [type, hours] of [
      ['RELEASED_FROM_WAREHOUSE', 24.5],
      ['PICKED_UP', 25],
    ] as const) {
      expectData(
        await fed.graphql(
          'mutation($i: RecordHandlingEventInput!) { recordHandlingEvent(input: $i) { awb } }',
          {
            i: { awb, type, at: after(t0, hours), facility: fruitSite },
          },
        ),
      );
    }

    // The full picture, as any client sees it.
    const { shipment: s } = expectData(await fed.graphql<any>(FULL_PICTURE_QUERY, { awb }));
    expect(s.manifest).toMatchObject({
      origin: { iataCode: plan.from },
      destination: { iataCode: 'PKX', isBeijingHub: true },
    });
    expect(s.legs).toEqual([
      {
        sequence: 1,
        from: { iataCode: plan.from },
        to: { iataCode: 'PKX' },
        flight: expect.objectContaining({
          number: plan.flightNumber,
          date: plan.flightDate,
          status: 'ARRIVED',
          actualArrival: landing,
        }),
      },
    ]);
    expect(s.arrival).toEqual({
      airport: { iataCode: 'PKX' },
      facility: expect.objectContaining({ kind: 'DESIGNATED_SITE_FRUIT' }),
      arrivedAt: tally,
    });
    expect(s.handlingEvents.map((e: any) => e.type)).toEqual([
      'ARRIVED',
      'TALLIED',
      'INSPECTED_AT_DESIGNATED_SITE',
      'RELEASED_FROM_WAREHOUSE',
      'PICKED_UP',
    ]);
    expect(s.declarations).toHaveLength(1);
    expect(s.declarations[0]).toMatchObject({
      number,
      status: 'RELEASED',
      supervisionMode: { code: '0110' },
      inspection: { required: true, result: 'PASSED', site: { kind: 'DESIGNATED_SITE_FRUIT' } },
      licences: [{ code: 'A', number: 'A-PKX-8801' }],
    });
    // Tallied at +20.5 h, released at +24 h.
    expect(s.clearance).toEqual({
      status: 'RELEASED',
      releasedAt: released,
      hoursFromArrivalToRelease: 3.5,
    });

    // Every status change is in the history, in order, with who made it.
    const { declaration } = expectData(
      await fed.graphql<any>(
        'query($n: ID!) { declaration(number: $n) { history { from to actor } } }',
        { n: number },
      ),
    );
    expect(declaration.history.map((h: any) => h.to)).toEqual([
      'FILED',
      'ACCEPTED',
      'INSPECTION_REQUIRED',
      'RELEASED',
    ]);
    expect(declaration.history[0].from).toBeNull();
    expect(new Set(declaration.history.map((h: any) => h.actor))).toEqual(new Set([OFFICER_ACTOR]));
  });
});
