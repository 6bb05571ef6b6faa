import { GraphQLSchema, parse } from 'graphql';
import { FilteredOperations } from '../../gateway/authorization/filtered-operations';
import { splitSecurityDirectives } from '../../gateway/authorization/security-directives';
import { ANONYMOUS_IDENTITY } from '../../gateway/identity';
import { loadApiSchema, readSupergraph } from '../schema/api-schema';
import { ENTERPRISE, OFFICER, userWith } from './identities';

/**
 * The filter's answers are remembered per operation and per access, not per person, and never
 * outlive the supergraph whose requirements they were made with.
 */

let schema: GraphQLSchema;
const { requirements } = splitSecurityDirectives(readSupergraph());
const query = `{ __typename airports { iataCode } shipment(awb: "999-31415926") { awb } }`;
const request = (identity = ANONYMOUS_IDENTITY) => ({
  schema,
  document: parse(query),
  queryHash: 'hash-of-the-query',
  operationName: null,
  identity,
});

beforeAll(async () => {
  schema = await loadApiSchema();
});

it('answers a repeated operation from memory, with the filtered text and its own hash', () => {
  const operations = new FilteredOperations();
  const first = operations.get(request(), requirements);
  expect(first.removed.map((r) => r.path)).toEqual([['shipment']]);
  expect(first.source).toContain('__typename');
  expect(first.source).not.toContain('shipment');
  expect(first.queryHash).toMatch(/^[0-9a-f]{64}$/);
  expect(first.queryHash).not.toBe('hash-of-the-query');
  expect(operations.get(request(), requirements)).toBe(first);
});

it('shares an answer between callers with the same access only', () => {
  const operations = new FilteredOperations();
  const enterprise = operations.get(request(ENTERPRISE), requirements);
  const otherEnterprise = userWith([], '91110000000000001B');
  expect(operations.get(request(otherEnterprise), requirements)).toBe(enterprise);
  const officer = operations.get(request(OFFICER), requirements);
  expect(officer).not.toBe(enterprise);
  expect(officer.removed).toEqual([]);
  expect(operations.get(request(), requirements).removed).toHaveLength(1);
});

it('starts afresh with the requirements of a reloaded supergraph', () => {
  const operations = new FilteredOperations();
  expect(operations.get(request(), requirements).removed).toHaveLength(1);
  const everythingPublic = { types: new Map(), fields: new Map() };
  expect(operations.get(request(), everythingPublic).removed).toEqual([]);
});
