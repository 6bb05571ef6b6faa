import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EnumTypeDefinitionNode,
  InputObjectTypeDefinitionNode,
  ObjectTypeDefinitionNode,
  parse,
  print,
} from 'graphql';
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { CAPITAL_AIRPORT_OFFICE } from '../../scripts/demo/config';
import { projectRoot } from '../../subgraphs/kit';
import { committedSupergraph } from '../support/federation';
import { codesIn, exampleOperations, fencedBlocks, section, table } from './readme';

/** What the README says about its examples and words that needs no server to check. */

const supergraph = parse(committedSupergraph());
function definition<T>(name: string): T {
  const found = supergraph.definitions.find((d) => 'name' in d && d.name?.value === name);
  if (!found) throw new Error(`no ${name} in the supergraph`);
  return found as T;
}
const enumValues = (name: string) =>
  (definition<EnumTypeDefinitionNode>(name).values ?? []).map((v) => v.name.value);
const inputFields = (name: string) =>
  (definition<InputObjectTypeDefinitionNode>(name).fields ?? []).map((f) => f.name.value);
/** Prose with its line breaks as spaces, so that a phrase may wrap. */
const prose = (heading: string) => section(heading).replace(/\s+/g, ' ');

describe("the README's example operations", () => {
  const operations = exampleOperations();

  it('are there: the reads and the write walkthrough', () => {
    expect(operations.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Picture', 'ShipmentPage', 'RegisterManifest', 'Journey']),
    );
  });

  it.each(operations.map((o) => [o.name, o]))(
    '%s is named, takes its inputs as variables, and the README gives them',
    (_name, op) => {
      expect(op.name).not.toBe('(anonymous)');
      expect(op.declared.length).toBeGreaterThan(0);
      expect(op.variables).toBeDefined();
      expect(Object.keys(op.variables!).sort()).toEqual(op.declared.map((v) => v.name).sort());
      const missing = op.declared.filter((d) => d.required && op.variables![d.name] == null);
      expect(missing).toEqual([]);
    },
  );

  it("names the shell one-liner's operation too", () => {
    const oneLiners = fencedBlocks()
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => [...b.text.matchAll(/-d '(\{"query".*\})'/g)])
      .map((m) => JSON.parse(m[1]) as { query: string; variables: object });
    expect(oneLiners.length).toBeGreaterThan(0);
    for (const { query, variables } of oneLiners) {
      expect(query).toMatch(/^query [A-Z]\w*\(/);
      expect(variables).toBeDefined();
    }
  });

  it('Picture is the query the explorer opens with', () => {
    const picture = operations.find((o) => o.name === 'Picture')!;
    expect(print(parse(picture.document))).toBe(print(parse(FULL_PICTURE_QUERY)));
  });

  it('names only filters, groupings, regions and intervals the schema has', () => {
    const text = prose('Example queries');
    const filters = /the filter also takes (.+?)\./.exec(text)![1];
    expect(inputFields('ShipmentFilter')).toEqual(expect.arrayContaining(codesIn(filters)));
    const groupings = /`groupBy` also takes (.+?)\./.exec(text)![1];
    expect(enumValues('ClearanceGroupBy')).toEqual(expect.arrayContaining(codesIn(groupings)));
    const regions = /Other regions: (.+?)\./.exec(text)![1];
    const recovery = operations.find((o) => o.name === 'RouteRecovery')!;
    expect([...codesIn(regions), recovery.variables!.region].sort()).toEqual(
      enumValues('Region').sort(),
    );
    const intervals = /`interval` also takes (.+?)\./.exec(text)![1];
    const throughput = operations.find((o) => o.name === 'Throughput')!;
    expect([...codesIn(intervals), throughput.variables!.interval].sort()).toEqual(
      enumValues('Interval').sort(),
    );
  });
});

describe("the README's glossary", () => {
  const glossary = table(['term', 'meaning'], section('Glossary'));
  const meaning = (term: string) => glossary.find((r) => r.term === term)!.meaning;

  it('gives the supervision modes of the data, with their names', () => {
    const customs = JSON.parse(
      readFileSync(join(projectRoot(), 'scripts', 'demo', 'data', 'customs.json'), 'utf8'),
    ) as { supervisionModes: { code: string; name: string }[] };
    const modes = table(['code', 'supervision mode'], section('Glossary')).map((r) => ({
      code: codesIn(r.code)[0],
      name: r['supervision mode'],
    }));
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect(modes.sort(byCode)).toEqual([...customs.supervisionModes].sort(byCode));
  });

  it('gives the licence codes as the schema describes them', () => {
    const licence = definition<ObjectTypeDefinitionNode>('Licence');
    const described = licence.fields!.find((f) => f.name.value === 'code')!.description!.value;
    const codes = [...meaning('licence codes').matchAll(/`([A-Z])` ([a-z -]+[a-z])/g)];
    expect(codes.map((m) => m[1])).toEqual(['A', 'Q', 'U']);
    for (const [, code, what] of codes) {
      expect(described.toLowerCase()).toContain(`"${code.toLowerCase()}" ${what.toLowerCase()}`);
    }
  });

  it('gives the clearance states of the schema', () => {
    expect(codesIn(meaning('clearance'))).toEqual(enumValues('ClearanceStatus'));
  });

  it("gives Capital Airport customs' office code", () => {
    expect(meaning('customs office')).toContain(`\`${CAPITAL_AIRPORT_OFFICE}\` Capital Airport`);
  });
});
