import { checkUscc } from '../../subgraphs/kit/identifiers';
import { AIRPORTS, demoEnterprises, DRUG_APPROVALS, ROUTES } from '../../scripts/demo/reference';
import { CATALOGS } from '../../scripts/demo/catalog';
import { KINDS, PROFILE } from '../../scripts/demo/kinds';
import {
  checked,
  DataError,
  list,
  load,
  object,
  oneOf,
  optional,
  text,
} from '../../scripts/demo/data-shape';
import { DrugCategory } from '../../scripts/demo/vocabulary';

/** The demo's data files load, and a wrong entry is refused with where it is and why. */

describe('data files', () => {
  test('load into the reference data the generator uses', () => {
    expect(AIRPORTS.filter((a) => a.hub).map((a) => a.iata)).toEqual(['PEK', 'PKX']);
    expect(ROUTES.length).toBeGreaterThan(60);
    expect(DRUG_APPROVALS.length).toBeGreaterThan(10);
    for (const kind of KINDS) expect(PROFILE[kind].kind).toBe(kind);
    expect(Object.keys(CATALOGS).length).toBeGreaterThan(5);
    const enterprises = demoEnterprises();
    expect(enterprises.filter((e) => checkUscc(e.uscc) !== null)).toEqual([]);
    expect(new Set(enterprises.map((e) => e.uscc)).size).toBe(enterprises.length);
  });

  const agent = object<{ uscc: string; categories: `${DrugCategory}`[]; note?: string }>({
    uscc: checked(checkUscc),
    categories: list(oneOf(DrugCategory)),
    note: optional(text),
  });
  const file = (agents: unknown) => ({ about: 'test data', agents });
  const read = (agents: unknown) =>
    load('agents.json', file(agents), object({ agents: list(agent) }));

  test('a valid file reads as its shape, optional fields absent when absent', () => {
    expect(read([{ uscc: '91110113MA01CELL1F', categories: ['GENE_THERAPY'] }])).toEqual({
      agents: [{ uscc: '91110113MA01CELL1F', categories: ['GENE_THERAPY'] }],
    });
  });

  test.each([
    [
      'an identifier the kit refuses',
      [{ uscc: '91110113MA01CELL1X', categories: [] }],
      /agents\.json\.agents\[0\]\.uscc: .*wrong check character/,
    ],
    [
      'a value outside the owner’s enum',
      [{ uscc: '91110113MA01CELL1F', categories: ['CELL_THERAPY', 'HERBAL'] }],
      /agents\.json\.agents\[0\]\.categories\[1\]: expected one of CELL_THERAPY, .*"HERBAL"/,
    ],
    [
      'a misspelt field',
      [{ uscc: '91110113MA01CELL1F', categories: ['GENE_THERAPY'], note: 'x', notes: 'y' }],
      /agents\.json\.agents\[0\]: unknown field "notes"/,
    ],
    ['an empty list', [], /agents\.json\.agents: expected a list of at least 1/],
  ])('refuses %s', (_what, agents, message) => {
    expect(() => read(agents)).toThrow(DataError);
    expect(() => read(agents)).toThrow(message);
  });

  test('refuses a file without its about text', () => {
    expect(() => load('x.json', { agents: [] }, object({ agents: list(agent, 0) }))).toThrow(
      /x\.json: expected an object with an "about" text/,
    );
  });
});
