import { Federation, startFederation } from '../support/federation';
import { expectError, GraphQLError, GraphQLResponse, Json } from '../support/graphql';

/**
 * Every scalar and enum of the contract, refused through the gateway, as a client sees it: the
 * refusing layer's BAD_USER_INPUT naming the field, under the gateway's path, whether the value
 * came as a variable or was written in the document, in queries and in mutations. The contract's
 * scalars (DateTime, Date, Decimal) and identifiers are checked by the subgraph that owns the
 * field; enums by the gateway, which knows them from the supergraph (docs/errors.md).
 */

/** An enum value in an input: a bare name when written inline, a string in variables. */
class EnumValue {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}
const e = (name: string) => new EnumValue(name);

/** A value written inline in GraphQL syntax. */
function literal(value: unknown): string {
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object') {
    const fields = Object.entries(value).map(([k, v]) => `${k}: ${literal(v)}`);
    return `{ ${fields.join(', ')} }`;
  }
  return JSON.stringify(value);
}

const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000);
const today = () => dayOffset(0).toISOString().slice(0, 10);

interface Case {
  /** The scalar or enum refused, and where. */
  name: string;
  operation: 'query' | 'mutation';
  /** The root field; the argument holding the bad value has the variable's name. */
  root: string;
  argument: string;
  type: string;
  /** The argument's value, with the one bad part in it. */
  value: unknown;
  /** The root field's other arguments, inline. */
  otherArguments?: string;
  select: string;
  /** `extensions.field`: the argument's path, which is the variable's too (same name). */
  field: string;
  message: RegExp;
  /** The subgraph whose check refuses it. */
  subgraph: string;
}

const AWB_WRONG_CHECK_DIGIT = '999-31415927';
const ARRIVAL = { awb: '999-31415926', airport: 'PEK', facility: 'PEK-CARGO-1', pieces: 1 };

const CASES: Case[] = [
  {
    name: 'DateTime',
    operation: 'query',
    root: 'shipments',
    argument: 'filter',
    type: 'ShipmentFilter',
    value: { manifestedFrom: 'yesterday' },
    select: 'totalCount',
    field: 'filter.manifestedFrom',
    message: /DateTime cannot represent "yesterday"/,
    subgraph: 'customs',
  },
  {
    name: 'Date',
    operation: 'query',
    root: 'cargoThroughput',
    argument: 'from',
    type: 'Date!',
    value: '2025-13-01',
    otherArguments: `airport: "PKX", to: "${today()}", interval: DAY`,
    select: 'periodStart',
    field: 'from',
    message: /Date cannot represent "2025-13-01"/,
    subgraph: 'airports',
  },
  {
    name: 'Date (routes)',
    operation: 'query',
    root: 'flight',
    argument: 'date',
    type: 'Date!',
    value: '2025-02-30',
    otherArguments: 'number: "CA931"',
    select: 'status',
    field: 'date',
    message: /"2025-02-30" is not a calendar date/,
    subgraph: 'routes',
  },
  {
    name: 'an AWB',
    operation: 'query',
    root: 'shipment',
    argument: 'awb',
    type: 'ID!',
    value: AWB_WRONG_CHECK_DIGIT,
    select: 'awb',
    field: 'awb',
    message: /check digit/,
    subgraph: 'customs',
  },
  {
    name: 'a declaration number',
    operation: 'query',
    root: 'declaration',
    argument: 'number',
    type: 'ID!',
    value: '0101',
    select: 'number',
    field: 'number',
    message: /18 characters/,
    subgraph: 'customs',
  },
  {
    name: 'an IATA airport code',
    operation: 'query',
    root: 'airport',
    argument: 'iataCode',
    type: 'ID!',
    value: 'PEKING',
    select: 'name',
    field: 'iataCode',
    message: /IATA/,
    subgraph: 'airports',
  },
  {
    name: 'a drug approval number',
    operation: 'query',
    root: 'drugApproval',
    argument: 'number',
    type: 'ID!',
    value: 'SJ-1',
    select: 'productName',
    field: 'number',
    message: /not a drug approval number/,
    subgraph: 'drugs',
  },
  {
    name: 'DateTime',
    operation: 'mutation',
    root: 'recordArrival',
    argument: 'input',
    type: 'RecordArrivalInput!',
    value: { ...ARRIVAL, arrivedAt: 'yesterday', weightKg: 1.5 },
    select: 'awb',
    field: 'input.arrivedAt',
    message: /DateTime cannot represent "yesterday"/,
    subgraph: 'airports',
  },
  {
    name: 'Date',
    operation: 'mutation',
    root: 'registerDrugApproval',
    argument: 'input',
    type: 'RegisterDrugApprovalInput!',
    value: {
      number: 'SJ20990001',
      productName: 'Test CAR-T suspension',
      category: e('CELL_THERAPY'),
      manufacturer: 'Test Biologics AG',
      originCountry: 'CH',
      approvedOn: '2025-13-01',
      validUntil: dayOffset(365).toISOString().slice(0, 10),
      safetyAssessed: true,
      approvedUnitIds: ['BJ-PUMCH'],
    },
    select: 'number',
    field: 'input.approvedOn',
    message: /Date cannot represent "2025-13-01"/,
    subgraph: 'drugs',
  },
  {
    name: 'Date (routes)',
    operation: 'mutation',
    root: 'setRouteStatus',
    argument: 'input',
    type: 'SetRouteStatusInput!',
    value: { routeId: 'CA-PEK-FRA', status: e('SUSPENDED'), effectiveOn: '2025-02-30' },
    select: 'id',
    field: 'input.effectiveOn',
    message: /"2025-02-30" is not a calendar date/,
    subgraph: 'routes',
  },
  {
    name: 'Decimal',
    operation: 'mutation',
    root: 'fileDeclaration',
    argument: 'input',
    type: 'FileDeclarationInput!',
    value: {
      awb: '999-31415926',
      direction: e('IMPORT'),
      customsOffice: '0101',
      supervisionMode: '0110',
      declarant: '91110000100000000A',
      currency: 'USD',
      items: [
        {
          hsCode: '8471300000',
          description: 'Portable computers',
          quantity: 10,
          unit: 'pcs',
          value: '1.5e3',
          originCountry: 'DE',
        },
      ],
    },
    select: 'number',
    field: 'input.items[0].value',
    message: /Decimal cannot represent "1.5e3"/,
    subgraph: 'customs',
  },
  {
    name: 'an AWB',
    operation: 'mutation',
    root: 'recordArrival',
    argument: 'input',
    type: 'RecordArrivalInput!',
    value: {
      ...ARRIVAL,
      awb: AWB_WRONG_CHECK_DIGIT,
      arrivedAt: dayOffset(-1).toISOString(),
      weightKg: 1.5,
    },
    select: 'awb',
    field: 'input.awb',
    message: /check digit/,
    subgraph: 'airports',
  },
];

function documents(c: Case): { asVariable: string; inline: string } {
  const rest = c.otherArguments ? `, ${c.otherArguments}` : '';
  return {
    asVariable: `${c.operation}($${c.argument}: ${c.type}) { ${c.root}(${c.argument}: $${c.argument}${rest}) { ${c.select} } }`,
    inline: `${c.operation} { ${c.root}(${c.argument}: ${literal(c.value)}${rest}) { ${c.select} } }`,
  };
}

describe('a value that a scalar or enum refuses, through the gateway', () => {
  let fed: Federation;
  beforeAll(async () => {
    fed = await startFederation();
  });
  afterAll(() => fed?.stop());

  /** The one error of a refusal: the subgraph's code and field, at the root field's path. */
  function expectRefusal(response: GraphQLResponse, c: Case): GraphQLError {
    const error = expectError(response, 'BAD_USER_INPUT', {
      field: c.field,
      path: [c.root],
      message: c.message,
      extensions: { serviceName: c.subgraph },
    });
    expect(error.extensions?.requestId).toEqual(expect.any(String));
    return error;
  }

  describe.each(CASES.map((c) => [`${c.name} in a ${c.operation} (${c.root})`, c] as const))(
    '%s',
    (_name, c) => {
      it(`as a variable: BAD_USER_INPUT naming ${c.field}`, async () => {
        const { asVariable } = documents(c);
        expectRefusal(await fed.graphql(asVariable, { [c.argument]: c.value as Json }), c);
      });

      it(`written inline: BAD_USER_INPUT naming ${c.field}`, async () => {
        expectRefusal(await fed.graphql(documents(c).inline), c);
      });
    },
  );

  describe.each([
    [
      'query',
      'cargoThroughput',
      `query($interval: Interval!) { cargoThroughput(airport: "PKX", from: "${today()}", to: "${today()}", interval: $interval) { periodStart } }`,
      { interval: 'YEAR' },
      'interval',
    ],
    [
      'mutation',
      'setFacilityStatus',
      'mutation($input: SetFacilityStatusInput!) { setFacilityStatus(input: $input) { id } }',
      { input: { id: 'PEK-CARGO-1', status: 'DONE' } },
      'input.status',
    ],
  ])('an enum in a %s (%s)', (_kind, _root, document, variables, field) => {
    it(`as a variable: the gateway's BAD_USER_INPUT naming ${field}`, async () => {
      const error = expectError(await fed.graphql(document, variables), 'BAD_USER_INPUT', {
        field,
        message: /does not exist in "\w+" enum/,
      });
      // The gateway refused it before any fetch: no subgraph had a say.
      expect(error.extensions?.serviceName).toBeUndefined();
      expect(error.extensions?.requestId).toEqual(expect.any(String));
    });

    it('written inline: GRAPHQL_VALIDATION_FAILED, as any name the schema does not have', async () => {
      const name = Object.keys(variables)[0];
      const value = name === 'input' ? '{ id: "PEK-CARGO-1", status: DONE }' : 'YEAR';
      const inline = document
        .replace(/^(query|mutation)\(.*?\) \{/, '$1 {')
        .replace(`$${name}`, value);
      expectError(await fed.graphql(inline), 'GRAPHQL_VALIDATION_FAILED', {
        message: /does not exist in "\w+" enum/,
      });
    });
  });
});
