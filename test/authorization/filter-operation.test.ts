import { buildSchema, GraphQLSchema, parse, print } from 'graphql';
import { AccessRequirements } from '../../gateway/authorization/access-requirements';
import { filterOperation, FilterInput } from '../../gateway/authorization/filter-operation';
import { nullRemovedFields } from '../../gateway/authorization/null-removed';
import { splitSecurityDirectives } from '../../gateway/authorization/security-directives';
import { ANONYMOUS_IDENTITY, Identity } from '../../gateway/identity';
import { loadApiSchema, readSupergraph } from '../schema/api-schema';
import { CUSTOMS_WRITER, ENTERPRISE, OFFICER } from './identities';

/**
 * The filter over the committed supergraph's API schema and its real requirements: what each
 * caller keeps of an operation, what is removed (with its error path), and that aliases,
 * fragments and variables do not get around it.
 */

let schema: GraphQLSchema;
const { requirements } = splitSecurityDirectives(readSupergraph());

beforeAll(async () => {
  schema = await loadApiSchema();
});

function filter(query: string, identity: Identity, operationName?: string) {
  const document = parse(query);
  const input: FilterInput = { schema, document, operationName, requirements, identity };
  const result = filterOperation(input);
  return { ...result, original: document, printed: print(result.document) };
}

const paths = (removed: { path: string[]; unauthorized: boolean }[]) =>
  removed.filter((r) => r.unauthorized).map((r) => r.path.join('.'));

const AWB = '999-31415926';
const USCC = '91110000100000000A';

describe('what each caller keeps', () => {
  const picture = `query Picture($awb: ID!) {
    shipment(awb: $awb) {
      awb
      manifest { shipper consignee { name customsCreditRating } }
      declarations { number items { hsCode drugApproval { productName } } }
      arrival { arrivedAt airport { name } }
      handlingEvents { type }
      legs { flight { number route { id } } }
      consolidatedImport { id shipments { awb } }
    }
    airports { iataCode }
  }`;

  it('an officer with trade:read keeps the whole operation, the very document (one plan for all)', () => {
    const result = filter(picture, OFFICER);
    expect(result.removed).toEqual([]);
    expect(result.document).toBe(result.original);
  });

  it('an anonymous caller keeps the public fields; the shipment is removed with its error path', () => {
    const result = filter(picture, ANONYMOUS_IDENTITY);
    expect(paths(result.removed)).toEqual(['shipment']);
    expect(result.removed[0].requirement).toEqual({ authenticated: true, scopes: [] });
    expect(result.printed).not.toContain('shipment');
    expect(result.printed).toContain('airports');
    // $awb was used only by the removed field: its definition goes, so the operation stays valid.
    expect(result.printed).not.toContain('$awb');
  });

  it('an enterprise reaches its shipment (row rules decide which) but not the credit rating nor another way in', () => {
    const result = filter(picture, ENTERPRISE);
    expect(paths(result.removed)).toEqual([
      'shipment.manifest.consignee.customsCreditRating',
      'shipment.consolidatedImport.shipments',
    ]);
    expect(result.printed).toContain('handlingEvents');
    expect(result.printed).toContain('legs');
    expect(result.printed).toContain('consignee {\n        name');
  });

  it('a writer without trade:read cannot read shipments through a consolidated import, but may write', () => {
    const read = filter(
      `{ consolidatedImport(id: "CI-2025-000001") { id shipments { awb } } bondedZones { code } }`,
      CUSTOMS_WRITER,
    );
    expect(paths(read.removed)).toEqual(['consolidatedImport.shipments']);
    expect(read.printed).toContain('bondedZones');
    const write = filter(
      `mutation { acceptDeclaration(input: { number: "010120251000000001" }) { status } }`,
      CUSTOMS_WRITER,
    );
    expect(write.removed).toEqual([]);
  });

  it('a declaration by number needs an identity; customs row rule then decides', () => {
    const query = `{ declaration(number: "010120251000000001") { number shipment { awb } } }`;
    expect(paths(filter(query, ANONYMOUS_IDENTITY).removed)).toEqual(['declaration']);
    expect(filter(query, ENTERPRISE).removed).toEqual([]);
  });

  it("mutations need the agency's write scope; filing a declaration needs only an identity", () => {
    const accept = `mutation { acceptDeclaration(input: { number: "010120251000000001" }) { status } }`;
    expect(paths(filter(accept, ENTERPRISE).removed)).toEqual(['acceptDeclaration']);
    expect(paths(filter(accept, OFFICER).removed)).toEqual(['acceptDeclaration']);
    const file = `mutation($input: FileDeclarationInput!) { fileDeclaration(input: $input) { number } }`;
    expect(filter(file, ENTERPRISE).removed).toEqual([]);
    expect(paths(filter(file, ANONYMOUS_IDENTITY).removed)).toEqual(['fileDeclaration']);
  });
});

describe('no way around it', () => {
  it('an alias is judged by the field it names, and the error points at the alias', () => {
    const result = filter(
      `{ enterprise(uscc: "${USCC}") { name rating: customsCreditRating } mine: shipment(awb: "${AWB}") { awb } }`,
      ANONYMOUS_IDENTITY,
    );
    expect(paths(result.removed)).toEqual(['enterprise.rating', 'mine']);
    expect(result.printed).not.toContain('customsCreditRating');
  });

  it('a restricted field aliased to a public name is still removed', () => {
    const result = filter(
      `{ enterprise(uscc: "${USCC}") { name: customsCreditRating uscc } }`,
      ENTERPRISE,
    );
    expect(paths(result.removed)).toEqual(['enterprise.name']);
    expect(result.printed).not.toContain('customsCreditRating');
  });

  it('a named fragment is judged at every place it is spread, and inlined', () => {
    const result = filter(
      `query {
        enterprise(uscc: "${USCC}") { ...Who }
        shipment(awb: "${AWB}") { manifest { consignee { ...Who } } }
      }
      fragment Who on Enterprise { name customsCreditRating }`,
      ENTERPRISE,
    );
    expect(paths(result.removed)).toEqual([
      'enterprise.customsCreditRating',
      'shipment.manifest.consignee.customsCreditRating',
    ]);
    expect(result.printed).not.toContain('fragment');
    expect(result.printed).not.toContain('customsCreditRating');
  });

  it('fragments on the root type and inline fragments do not hide a restricted field', () => {
    const result = filter(
      `query { ...Roots ... on Query { again: shipments { totalCount } } }
       fragment Roots on Query { shipment(awb: "${AWB}") { awb } airports { name } }`,
      ANONYMOUS_IDENTITY,
    );
    expect(paths(result.removed)).toEqual(['shipment', 'again']);
    expect(result.printed).toContain('airports');
  });

  it('variables and @include/@skip change nothing: the field is removed whatever their values', () => {
    const result = filter(
      `query($yes: Boolean!, $awb: ID!, $iata: ID!) {
        shipment(awb: $awb) @include(if: $yes) { awb }
        airport(iataCode: $iata) @skip(if: $yes) { name }
      }`,
      ANONYMOUS_IDENTITY,
    );
    expect(paths(result.removed)).toEqual(['shipment']);
    expect(result.printed).toContain('query ($yes: Boolean!, $iata: ID!)');
  });

  it('only the operation asked for is judged, and the others are dropped', () => {
    const result = filter(
      `query Public { airports { name } } query Private { shipment(awb: "${AWB}") { awb } airports { name } }`,
      ANONYMOUS_IDENTITY,
      'Private',
    );
    expect(paths(result.removed)).toEqual(['shipment']);
    expect(result.printed.match(/query/g)).toHaveLength(1);
    expect(result.printed).toContain('query Private');
  });
});

describe('removed paths in the response', () => {
  it('a removed nullable field answers null beside the data that was kept', () => {
    const result = filter(
      `{ airports { iataCode } shipment(awb: "${AWB}") { awb } }`,
      ANONYMOUS_IDENTITY,
    );
    const data = nullRemovedFields({ airports: [{ iataCode: 'PKX' }] }, result.removed);
    expect(data).toEqual({ airports: [{ iataCode: 'PKX' }], shipment: null });
  });

  it('a removed non-null field nulls its parents up to the nearest nullable one', () => {
    const result = filter(
      `{ shipment(awb: "${AWB}") { awb manifest { consignee { customsCreditRating } } } }`,
      ENTERPRISE,
    );
    // Only the rating was unauthorized; consignee and manifest were left empty and removed too.
    expect(paths(result.removed)).toEqual(['shipment.manifest.consignee.customsCreditRating']);
    expect(result.removed.map((r) => r.path.join('.'))).toEqual([
      'shipment.manifest.consignee.customsCreditRating',
      'shipment.manifest.consignee',
      'shipment.manifest',
    ]);
    expect(result.printed).toBe('{\n  shipment(awb: "999-31415926") {\n    awb\n  }\n}');
    // Manifest! is non-null: the shipment (nullable) answers null, as if the field resolved to null.
    expect(nullRemovedFields({ shipment: { awb: AWB } }, result.removed)).toEqual({
      shipment: null,
    });
  });

  it('through non-null lists, the propagation reaches data itself', () => {
    const result = filter(
      `{ shipments(first: 2) { nodes { awb manifest { consignee { customsCreditRating } } } } }`,
      ENTERPRISE,
    );
    const data = nullRemovedFields(
      { shipments: { nodes: [{ awb: 'a' }, { awb: 'b' }] } },
      result.removed,
    );
    expect(data).toBeNull();
  });

  it('a list of nullable items nulls only the items', () => {
    const result = filter(
      `{ airports { iataCode } shipment(awb: "${AWB}") { declarations { number } } }`,
      ANONYMOUS_IDENTITY,
    );
    expect(nullRemovedFields({ airports: [{ iataCode: 'PEK' }] }, result.removed)).toEqual({
      airports: [{ iataCode: 'PEK' }],
      shipment: null,
    });
  });

  it('an operation removed whole is empty, answered with nulls and no execution', () => {
    const query = filter(`{ shipment(awb: "${AWB}") { awb } }`, ANONYMOUS_IDENTITY);
    expect(query.empty).toBe(true);
    expect(nullRemovedFields({}, query.removed)).toEqual({ shipment: null });
    const mutation = filter(
      `mutation { registerManifest(input: { awb: "${AWB}", origin: "SCL", destination: "PEK", portOfEntry: "PEK", shipper: "x", consignee: "${USCC}", pieces: 1, grossWeightKg: 1, goodsDescription: "x" }) { awb } }`,
      ENTERPRISE,
    );
    expect(mutation.empty).toBe(true);
    expect(nullRemovedFields({}, mutation.removed)).toBeNull();
  });
});

describe('interfaces and unions (a schema of their own: the supergraph has none)', () => {
  const sdl = `
    type Query { posts: [Post!]! feed: [Item] }
    interface Post { id: ID! title: String }
    type PublicBlog implements Post { id: ID! title: String }
    type PrivateBlog implements Post { id: ID! title: String secret: String }
    type Photo { url: String }
    union Item = PublicBlog | PrivateBlog | Photo
  `;
  const own = buildSchema(sdl);
  const ownRequirements: AccessRequirements = {
    types: new Map([['PrivateBlog', { authenticated: true, scopes: [] }]]),
    fields: new Map([['PublicBlog.title', { authenticated: false, scopes: [[['blog:read']]] }]]),
  };
  const run = (query: string, identity: Identity) => {
    const result = filterOperation({
      schema: own,
      document: parse(query),
      requirements: ownRequirements,
      identity,
    });
    return { ...result, printed: print(result.document) };
  };

  it('a field on the interface needs what every implementation needs', () => {
    const result = run(`{ posts { id title } }`, ANONYMOUS_IDENTITY);
    expect(paths(result.removed)).toEqual(['posts.id', 'posts.title']);
    expect(result.empty).toBe(true);
    // Authenticated, the PrivateBlog type is allowed; PublicBlog.title still needs blog:read.
    expect(paths(run(`{ posts { id title } }`, ENTERPRISE).removed)).toEqual(['posts.title']);
  });

  it('fragments on the implementations are judged one by one', () => {
    const result = run(
      `{ posts { __typename ... on PublicBlog { id } ... on PrivateBlog { id secret } } }`,
      ANONYMOUS_IDENTITY,
    );
    expect(paths(result.removed)).toEqual(['posts.... on PrivateBlog']);
    expect(result.printed).toContain('... on PublicBlog');
    expect(result.printed).not.toContain('PrivateBlog');
  });

  it('a named fragment on a restricted member of a union is removed', () => {
    const result = run(
      `{ feed { ... on Photo { url } ...Hidden } } fragment Hidden on PrivateBlog { secret }`,
      ANONYMOUS_IDENTITY,
    );
    expect(paths(result.removed)).toEqual(['feed.... on PrivateBlog']);
    expect(result.printed).toContain('... on Photo');
  });
});
