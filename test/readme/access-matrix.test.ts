import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MATRIX_END, MATRIX_START, readmeWithAccessMatrix } from '../../scripts/access-matrix';
import { projectRoot } from '../../subgraphs/kit';

/**
 * The README's access matrix is what the committed supergraph's directives say, not a hand-kept
 * copy: after a schema change, `npm run compose && npm run access-matrix` brings it back.
 */
describe('README access matrix', () => {
  const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
  const supergraph = readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8');

  it('is derived from schema/supergraph.graphql (run `npm run access-matrix` when this fails)', () => {
    expect(readmeWithAccessMatrix(readme, supergraph)).toBe(readme);
  });

  it('shows what the roles may do, row by row', () => {
    const section = readme.slice(readme.indexOf(MATRIX_START), readme.indexOf(MATRIX_END));
    const row = (name: string) => {
      const line = section.split('\n').find((l) => l.startsWith(`| \`${name}\``));
      if (!line) throw new Error(`no row for ${name}`);
      return line
        .split('|')
        .slice(3, -1)
        .map((cell) => cell.trim());
    };
    // anonymous, enterprise, officer, airports, customs, drugs, routes writers, auditor
    expect(row('Query.airports')).toEqual(['✓', '✓', '✓', '✓', '✓', '✓', '✓', '✓']);
    expect(row('Query.shipment')).toEqual(['✗', '✓', '✓', '✓', '✓', '✓', '✓', '✓']);
    expect(row('Query.declaration')).toEqual(['✗', '✓', '✓', '✓', '✓', '✓', '✓', '✓']);
    expect(row('ConsolidatedImport.shipments')).toEqual(['✗', '✗', '✓', '✗', '✗', '✗', '✗', '✗']);
    expect(row('Mutation.registerManifest')).toEqual(['✗', '✗', '✗', '✗', '✓', '✗', '✗', '✗']);
    expect(row('Mutation.fileDeclaration')).toEqual(['✗', '✓', '✓', '✓', '✓', '✓', '✓', '✓']);
    expect(row('Enterprise.customsCreditRating')).toEqual(['✗', '✗', '✓', '✗', '✗', '✗', '✗', '✗']);
  });

  it('refuses a README without the section, rather than writing it somewhere', () => {
    expect(() => readmeWithAccessMatrix('# no matrix here\n', supergraph)).toThrow(
      /no access matrix section/,
    );
  });
});
