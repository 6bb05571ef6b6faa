import { FACILITIES } from '../../scripts/demo/reference';
import {
  declarationInput,
  freshAwb,
  loadWorld,
  manifestInput,
  SITES,
  World,
} from '../customs/operations';
import { approvalInput } from '../drugs/operations';
import { Federation, startFederation } from '../support/federation';
import { expectData, expectError, GraphQLResponse, Json } from '../support/graphql';

/**
 * One meaning per error code in every agency (docs/errors.md), through the gateway: a create
 * whose key is taken is CONFLICT naming the record and the input field; a change on a stale read
 * is CONFLICT naming the record and both versions; a version number no record can have is
 * BAD_USER_INPUT naming `input.expectedVersion`, and writes nothing.
 */

const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000);
const dateOffset = (days: number) => dayOffset(days).toISOString().slice(0, 10);

/** One agency's create and version-checked change, as a client sends them. */
interface Agency {
  name: string;
  create: {
    root: string;
    send(): Promise<GraphQLResponse>;
    entity: string;
    id: string;
    field: string;
  };
  change: {
    root: string;
    send(expectedVersion: unknown): Promise<GraphQLResponse>;
    version(): Promise<number>;
    entity: string;
    id: string;
  };
}

let fed: Federation;
let world: World;
const agencies: Agency[] = [];

/** A mutation of one `input`, selecting `select`. */
function mutation(root: string, inputType: string, select: string) {
  return (input: Json) =>
    fed.graphql(`mutation($input: ${inputType}!) { ${root}(input: $input) { ${select} } }`, {
      input,
    });
}

async function versionOf(query: string, variables: Json): Promise<number> {
  const data = expectData(await fed.graphql(query, variables));
  return (Object.values(data)[0] as { version: number }).version;
}

beforeAll(async () => {
  fed = await startFederation();
  world = await loadWorld(fed.subgraph('customs').db);
  const customsDb = fed.subgraph('customs').db;

  // airports: the tally of a shipment customs has registered; a facility that is only PLANNED.
  const arrived = await freshAwb(customsDb);
  expectData(
    await mutation(
      'registerManifest',
      'RegisterManifestInput',
      'awb',
    )(manifestInput(world, arrived, { manifestedAt: dayOffset(-2).toISOString() })),
  );
  const planned = FACILITIES.find((f) => f.status === 'PLANNED')!.id;
  const recordArrival = mutation('recordArrival', 'RecordArrivalInput', 'awb');
  const setFacilityStatus = mutation('setFacilityStatus', 'SetFacilityStatusInput', 'id version');
  agencies.push({
    name: 'airports',
    create: {
      root: 'recordArrival',
      send: () =>
        recordArrival({
          awb: arrived,
          airport: 'PEK',
          facility: SITES.pek,
          arrivedAt: dayOffset(-1).toISOString(),
          pieces: 3,
          weightKg: 120.5,
        }),
      entity: 'CargoArrival',
      id: arrived,
      field: 'input.awb',
    },
    change: {
      root: 'setFacilityStatus',
      send: (expectedVersion) =>
        setFacilityStatus({ id: planned, status: 'UNDER_CONSTRUCTION', expectedVersion }),
      version: () =>
        versionOf('query($id: ID!) { facility(id: $id) { version } }', { id: planned }),
      entity: 'Facility',
      id: planned,
    },
  });

  // customs: a manifest registered twice; a declaration filed, then accepted.
  const registered = await freshAwb(customsDb);
  const filedOn = await freshAwb(customsDb);
  expectData(
    await mutation(
      'registerManifest',
      'RegisterManifestInput',
      'awb',
    )(manifestInput(world, filedOn)),
  );
  const filed = expectData(
    await mutation(
      'fileDeclaration',
      'FileDeclarationInput',
      'number',
    )(declarationInput(world, filedOn)),
  ).fileDeclaration.number as string;
  const registerManifest = mutation('registerManifest', 'RegisterManifestInput', 'awb');
  const accept = mutation('acceptDeclaration', 'AcceptDeclarationInput', 'number version');
  agencies.push({
    name: 'customs',
    create: {
      root: 'registerManifest',
      send: () => registerManifest(manifestInput(world, registered)),
      entity: 'Shipment',
      id: registered,
      field: 'input.awb',
    },
    change: {
      root: 'acceptDeclaration',
      send: (expectedVersion) => accept({ number: filed, expectedVersion }),
      version: () =>
        versionOf('query($n: ID!) { declaration(number: $n) { version } }', { n: filed }),
      entity: 'Declaration',
      id: filed,
    },
  });

  // drugs: an approval registered twice, then suspended.
  const approval = approvalInput({ approvedOn: dateOffset(-30), validUntil: dateOffset(365) });
  const register = mutation('registerDrugApproval', 'RegisterDrugApprovalInput', 'number');
  const setStatus = mutation('setDrugApprovalStatus', 'SetDrugApprovalStatusInput', 'number');
  agencies.push({
    name: 'drugs',
    create: {
      root: 'registerDrugApproval',
      send: () => register(approval),
      entity: 'DrugApproval',
      id: approval.number,
      field: 'input.number',
    },
    change: {
      root: 'setDrugApprovalStatus',
      send: (expectedVersion) =>
        setStatus({
          number: approval.number,
          status: 'SUSPENDED',
          reason: 'safety signal under review',
          expectedVersion,
        }),
      version: () =>
        versionOf('query($n: ID!) { drugApproval(number: $n) { version } }', {
          n: approval.number,
        }),
      entity: 'DrugApproval',
      id: approval.number,
    },
  });

  // routes: a route absent from the demo world, created twice, then activated.
  const route = { airline: 'CA', origin: 'PEK', destination: 'MUC' };
  const createRoute = mutation('createRoute', 'CreateRouteInput', 'id');
  const setRouteStatus = mutation('setRouteStatus', 'SetRouteStatusInput', 'id');
  agencies.push({
    name: 'routes',
    create: {
      root: 'createRoute',
      send: () =>
        createRoute({
          ...route,
          region: 'EUROPE',
          status: 'PLANNED',
          weeklyFrequency: 3,
          weeklyCargoCapacityTonnes: 45.5,
        }),
      entity: 'Route',
      id: 'CA-PEK-MUC',
      field: 'input.destination',
    },
    change: {
      root: 'setRouteStatus',
      send: (expectedVersion) =>
        setRouteStatus({
          routeId: 'CA-PEK-MUC',
          status: 'ACTIVE',
          effectiveOn: dateOffset(0),
          expectedVersion,
        }),
      version: () =>
        versionOf('query($id: ID!) { route(id: $id) { version } }', { id: 'CA-PEK-MUC' }),
      entity: 'Route',
      id: 'CA-PEK-MUC',
    },
  });
});
afterAll(() => fed?.stop());

const AGENCIES = ['airports', 'customs', 'drugs', 'routes'];
const agency = (name: string) => agencies.find((a) => a.name === name)!;

describe.each(AGENCIES)('%s', (name) => {
  // In this order: the change of routes is of the route its create makes.
  it('answers a create whose key is taken with CONFLICT naming the record and the field', async () => {
    const { create } = agency(name);
    expectData(await create.send());
    expectError(await create.send(), 'CONFLICT', {
      path: [create.root],
      field: create.field,
      message: `${create.entity} ${create.id} already exists`,
      extensions: { entity: create.entity, id: create.id, serviceName: name },
    });
  });

  it.each([
    ['0', 0, /at least 1/],
    ['a negative number', -1, /at least 1/],
  ])(
    'answers %s as expectedVersion with BAD_USER_INPUT naming input.expectedVersion, and writes nothing',
    async (_what, bad, message) => {
      const { change } = agency(name);
      const before = await change.version();
      expectError(await change.send(bad), 'BAD_USER_INPUT', {
        path: [change.root],
        field: 'input.expectedVersion',
        message,
        extensions: { serviceName: name },
      });
      expect(await change.version()).toBe(before);
    },
  );

  it('answers a fractional expectedVersion with BAD_USER_INPUT naming input.expectedVersion', async () => {
    // The gateway refuses it (`Int`) before the agency sees it; the same code and field.
    const { change } = agency(name);
    expectError(await change.send(1.5), 'BAD_USER_INPUT', {
      field: 'input.expectedVersion',
      message: /Int cannot represent/,
    });
  });

  it('answers a change on a stale read with CONFLICT naming the record and both versions', async () => {
    const { change } = agency(name);
    const read = await change.version();
    expectData(await change.send(read));
    expectError(await change.send(read), 'CONFLICT', {
      path: [change.root],
      message: /re-read/,
      extensions: {
        entity: change.entity,
        id: change.id,
        expectedVersion: read,
        currentVersion: read + 1,
        serviceName: name,
      },
    });
  });
});

describe("airports' handling events, whose version counts them from 0", () => {
  const record = (expectedVersion: unknown) =>
    mutation(
      'recordHandlingEvent',
      'RecordHandlingEventInput',
      'awb',
    )({
      awb: agency('airports').create.id,
      type: 'STORED',
      at: dayOffset(0).toISOString(),
      facility: SITES.pek,
      expectedVersion,
    });

  it('takes 0 as a version (a shipment before its first event): CONFLICT when stale', async () => {
    // The arrival recorded ARRIVED and TALLIED: the cargo is at version 2.
    expectError(await record(0), 'CONFLICT', {
      extensions: { entity: 'Shipment', expectedVersion: 0, currentVersion: 2 },
    });
  });

  it('answers a negative expectedVersion with BAD_USER_INPUT naming input.expectedVersion', async () => {
    expectError(await record(-1), 'BAD_USER_INPUT', {
      field: 'input.expectedVersion',
      message: /at least 0/,
    });
  });
});
