import {
  FieldDefinitionNode,
  InputObjectTypeDefinitionNode,
  InputValueDefinitionNode,
  Kind,
  ObjectTypeDefinitionNode,
  parse,
  print,
} from 'graphql';
import { airportsSubgraph } from '../../subgraphs/airports';
import { expectData } from '../support/graphql';
import { startSubgraphUnderTest, SubgraphUnderTest } from '../support/subgraph';
import { insertFixtures } from './fixtures';

/** The write side of the airports schema as the subgraph publishes it (`_service { sdl }`). */
describe('airports mutations schema', () => {
  let airports: SubgraphUnderTest;
  let objects: Map<string, ObjectTypeDefinitionNode>;
  let inputs: Map<string, InputObjectTypeDefinitionNode>;

  beforeAll(async () => {
    airports = await startSubgraphUnderTest(airportsSubgraph, { fixtures: insertFixtures });
    const doc = parse(expectData(await airports.graphql(`{ _service { sdl } }`))._service.sdl);
    objects = new Map();
    inputs = new Map();
    for (const def of doc.definitions) {
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION) objects.set(def.name.value, def);
      if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) inputs.set(def.name.value, def);
    }
  });
  afterAll(() => airports?.stop());

  const signature = (f: FieldDefinitionNode) =>
    `(${(f.arguments ?? []).map((a) => `${a.name.value}: ${print(a.type)}`).join(', ')}): ${print(f.type)}`;
  const fieldsOf = (fields: readonly (FieldDefinitionNode | InputValueDefinitionNode)[]) =>
    Object.fromEntries(fields.map((f) => [f.name.value, print(f.type)]));

  it('has one `input` argument per mutation', () => {
    const mutation = objects.get('Mutation')!;
    expect(Object.fromEntries(mutation.fields!.map((f) => [f.name.value, signature(f)]))).toEqual({
      recordArrival: '(input: RecordArrivalInput!): Shipment!',
      recordHandlingEvent: '(input: RecordHandlingEventInput!): Shipment!',
      setFacilityStatus: '(input: SetFacilityStatusInput!): Facility!',
    });
  });

  it('has the inputs, with idempotency keys and expected versions', () => {
    expect(fieldsOf(inputs.get('RecordArrivalInput')!.fields!)).toEqual({
      awb: 'ID!',
      airport: 'ID!',
      facility: 'ID!',
      arrivedAt: 'DateTime!',
      talliedAt: 'DateTime',
      pieces: 'Int!',
      weightKg: 'Float!',
      idempotencyKey: 'String',
    });
    expect(fieldsOf(inputs.get('RecordHandlingEventInput')!.fields!)).toEqual({
      awb: 'ID!',
      type: 'HandlingEventType!',
      at: 'DateTime!',
      facility: 'ID',
      note: 'String',
      idempotencyKey: 'String',
      expectedVersion: 'Int',
    });
    expect(fieldsOf(inputs.get('SetFacilityStatusInput')!.fields!)).toEqual({
      id: 'ID!',
      status: 'FacilityStatus!',
      commissionedOn: 'Date',
      reason: 'String',
      idempotencyKey: 'String',
      expectedVersion: 'Int',
    });
  });

  it('exposes Facility.version and Facility.history', () => {
    const facility = fieldsOf(objects.get('Facility')!.fields!);
    expect(facility.version).toBe('Int!');
    expect(facility.history).toBe('[StatusChange!]!');
  });

  it('describes every mutation, argument, input and input field', () => {
    const undescribed: string[] = [];
    for (const f of objects.get('Mutation')!.fields!) {
      if (!f.description) undescribed.push(`Mutation.${f.name.value}`);
      for (const a of f.arguments ?? []) {
        if (!a.description) undescribed.push(`Mutation.${f.name.value}(${a.name.value})`);
      }
    }
    for (const [name, input] of inputs) {
      if (!input.description) undescribed.push(name);
      for (const f of input.fields ?? []) {
        if (!f.description) undescribed.push(`${name}.${f.name.value}`);
      }
    }
    for (const name of ['version', 'history']) {
      const f = objects.get('Facility')!.fields!.find((x) => x.name.value === name)!;
      if (!f.description) undescribed.push(`Facility.${name}`);
    }
    expect(undescribed).toEqual([]);
  });
});
