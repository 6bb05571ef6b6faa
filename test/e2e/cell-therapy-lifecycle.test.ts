import { makeAwb } from '../../subgraphs/kit';
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { Federation, startFederation } from '../support/federation';
import { beijingDate, wholeHourFromNow } from '../support/dates';
import { expectData, expectError } from '../support/graphql';
import { after, flyShipment, planFlight } from './steps';

/* eslint-disable @typescript-eslint/no-explicit-any -- responses are checked field by field */

/**
 * A cell-therapy import for Beijing hospitals, through the gateway only: a qualified agent
 * consolidates the hospitals' needs (drug regulator), applies centrally for the special-goods
 * health-quarantine approval (customs), the shipment flies in, and customs releases it only once
 * that application is approved.
 */
describe('a cell-therapy import under a consolidated import, through the gateway', () => {
  let fed: Federation;
  beforeAll(async () => {
    fed = await startFederation();
  });
  afterAll(() => fed?.stop());

  it('is released only once its special-goods application is approved, and shows every agency', async () => {
    // The scenario runs from tomorrow on, whenever the suite runs.
    const t0 = wholeHourFromNow(24);
    const { shipment: model } = expectData(
      await fed.graphql<any>(
        `query($awb: ID!) { shipment(awb: $awb) { manifest { consignee { uscc name } }
         declarations { customsOffice { code } declarant { uscc } } } }`,
        { awb: SHOWCASE.cellTherapy },
      ),
    );
    const agent: string = model.manifest.consignee.uscc;
    // Drug regulator: a cell therapy approved for a hospital of the demo register, valid for
    // years from today (the demo's own approvals run out on fixed dates).
    const { drugApprovals } = expectData(
      await fed.graphql<any>(
        '{ drugApprovals(category: CELL_THERAPY, first: 50) { nodes { approvedUnits { id } } } }',
      ),
    );
    const hospital: string = drugApprovals.nodes.find((a: any) => a.approvedUnits.length > 0)
      .approvedUnits[0].id;
    const { registerDrugApproval: approval } = expectData(
      await fed.graphql<any>(
        'mutation($i: RegisterDrugApprovalInput!) { registerDrugApproval(input: $i) { number status approvedUnits { id } } }',
        {
          i: {
            number: 'SJ20998802',
            productName: 'Autologous CAR-T cell suspension',
            category: 'CELL_THERAPY',
            manufacturer: 'Cellular Biomedicine GmbH',
            originCountry: 'DE',
            approvedOn: beijingDate(-30),
            validUntil: beijingDate(3 * 365),
            safetyAssessed: true,
            approvedUnitIds: [hospital],
          },
        },
      ),
    );
    expect(approval).toEqual({
      number: 'SJ20998802',
      status: 'VALID',
      approvedUnits: [{ id: hospital }],
    });

    // Drug regulator: the agent consolidates a hospital's need and submits it.
    const { createConsolidatedImport: ci } = expectData(
      await fed.graphql<any>(
        'mutation($i: CreateConsolidatedImportInput!) { createConsolidatedImport(input: $i) { id status } }',
        { i: { agentUscc: agent, idempotencyKey: 'ci-cell-therapy-1' } },
      ),
    );
    expect(ci.status).toBe('COLLECTING');
    expectData(
      await fed.graphql(
        'mutation($i: AddConsolidatedLineInput!) { addConsolidatedLine(input: $i) { id } }',
        {
          i: {
            consolidatedImportId: ci.id,
            approvalNumber: approval.number,
            institutionId: approval.approvedUnits[0].id,
            quantity: 4,
            unit: 'infusion bags',
          },
        },
      ),
    );
    expectData(
      await fed.graphql(
        'mutation($i: SubmitConsolidatedImportInput!) { submitConsolidatedImport(input: $i) { status } }',
        {
          i: { id: ci.id },
        },
      ),
    );

    // Customs: the manifest; drug regulator: the shipment carries that consolidated import.
    const plan = await planFlight(fed, 'PEK', after(t0, 6), 8802);
    const { airline } = expectData(
      await fed.graphql<any>('query($c: ID!) { airline(iataCode: $c) { awbPrefix } }', {
        c: plan.flightNumber.slice(0, 2),
      }),
    );
    const awb = makeAwb(airline.awbPrefix, 8_802_002);
    expectData(
      await fed.graphql(
        'mutation($i: RegisterManifestInput!) { registerManifest(input: $i) { awb } }',
        {
          i: {
            awb,
            origin: plan.from,
            destination: 'PEK',
            portOfEntry: 'PEK',
            shipper: 'Cellular Biomedicine GmbH',
            consignee: agent,
            pieces: 1,
            grossWeightKg: 38,
            goodsDescription: 'CAR-T cell therapy, cryopreserved',
            manifestedAt: t0,
          },
        },
      ),
    );
    expectData(
      await fed.graphql(
        'mutation($i: LinkConsolidatedShipmentInput!) { linkConsolidatedShipment(input: $i) { id } }',
        { i: { consolidatedImportId: ci.id, awb } },
      ),
    );

    // Customs: the agent's central special-goods application for it.
    const { submitSpecialGoodsApplication: sga } = expectData(
      await fed.graphql<any>(
        'mutation($i: SubmitSpecialGoodsApplicationInput!) { submitSpecialGoodsApplication(input: $i) { number status } }',
        {
          i: {
            applicant: agent,
            category: 'HUMAN_TISSUE',
            riskLevel: 'D',
            submittedAt: after(t0, 0.5),
            consolidatedImport: ci.id,
            shipments: [awb],
          },
        },
      ),
    );
    expect(sga.status).toBe('SUBMITTED');

    // The flight, and the tally in the cold chain at PEK.
    await flyShipment(fed, awb, plan, after(t0, 6), after(t0, 16));
    const { airport } = expectData(
      await fed.graphql<any>(
        '{ airport(iataCode: "PEK") { facilities(kind: COLD_CHAIN_WAREHOUSE, status: OPERATIONAL) { id } } }',
      ),
    );
    const tally = after(t0, 16.5);
    expectData(
      await fed.graphql('mutation($i: RecordArrivalInput!) { recordArrival(input: $i) { awb } }', {
        i: {
          awb,
          airport: 'PEK',
          facility: airport.facilities[0].id,
          arrivedAt: tally,
          pieces: 1,
          weightKg: 38,
        },
      }),
    );

    // Customs: declaration naming the drug approval, with the Q form.
    const { fileDeclaration: d } = expectData(
      await fed.graphql<any>(
        'mutation($i: FileDeclarationInput!) { fileDeclaration(input: $i) { number } }',
        {
          i: {
            awb,
            direction: 'IMPORT',
            customsOffice: model.declarations[0].customsOffice.code,
            supervisionMode: '0110',
            declarant: agent,
            filedAt: after(t0, 17),
            currency: 'EUR',
            items: [
              {
                hsCode: '3002510010',
                description: 'CAR-T cell therapy product',
                quantity: 4,
                unit: 'bag',
                value: '1280000.00',
                originCountry: 'DE',
                drugApproval: approval.number,
              },
            ],
            licences: [{ code: 'Q', number: 'Q-0101-8802' }],
          },
        },
      ),
    );
    expectData(
      await fed.graphql(
        'mutation($i: AcceptDeclarationInput!) { acceptDeclaration(input: $i) { status } }',
        {
          i: { number: d.number },
        },
      ),
    );

    // Not before the special-goods approval: refused, and nothing changes.
    const release =
      'mutation($i: ReleaseDeclarationInput!) { releaseDeclaration(input: $i) { status } }';
    const refused = await fed.graphql(release, {
      i: { number: d.number, releasedAt: after(t0, 30) },
    });
    expectError(refused, 'BAD_USER_INPUT', { message: /special-goods/i });

    expectData(
      await fed.graphql(
        'mutation($i: DecideSpecialGoodsApplicationInput!) { decideSpecialGoodsApplication(input: $i) { status } }',
        { i: { number: sga.number, decision: 'APPROVED', decidedAt: after(t0, 40) } },
      ),
    );
    const releasedAt = after(t0, 41);
    expectData(await fed.graphql(release, { i: { number: d.number, releasedAt } }));

    const { shipment: s } = expectData(await fed.graphql<any>(FULL_PICTURE_QUERY, { awb }));
    expect(s.manifest.consignee).toEqual({
      name: model.manifest.consignee.name,
      drugImportAgent: { categories: expect.arrayContaining(['CELL_THERAPY']) },
    });
    expect(s.legs).toHaveLength(1);
    expect(s.legs[0].flight.status).toBe('ARRIVED');
    expect(s.arrival.facility.kind).toBe('COLD_CHAIN_WAREHOUSE');
    expect(s.declarations[0].items[0].drugApproval).toMatchObject({
      number: approval.number,
      category: 'CELL_THERAPY',
    });
    expect(s.declarations[0].items[0].drugApproval.approvedUnits.length).toBeGreaterThan(0);
    expect(s.declarations[0].licences).toEqual([{ code: 'Q', number: 'Q-0101-8802' }]);
    expect(s.consolidatedImport).toEqual({
      agent: { name: model.manifest.consignee.name },
      status: 'SUBMITTED',
      specialGoodsApplication: { number: sga.number, status: 'APPROVED', riskLevel: 'D' },
    });
    // Tallied at +16.5 h, released at +41 h: 24.5 h, within the 24–72 h of special goods.
    expect(s.clearance).toEqual({
      status: 'RELEASED',
      releasedAt,
      hoursFromArrivalToRelease: 24.5,
    });

    const { consolidatedImports } = expectData(
      await fed.graphql<any>(
        'query($a: ID!) { consolidatedImports(agent: $a, first: 1000) { nodes { id history { from to } } } }',
        { a: agent },
      ),
    );
    const mine = consolidatedImports.nodes.find((n: any) => n.id === ci.id);
    expect(mine.history).toEqual([
      { from: null, to: 'COLLECTING' },
      { from: 'COLLECTING', to: 'SUBMITTED' },
    ]);
  });
});
