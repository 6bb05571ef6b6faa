import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AGENCY_NAMES } from '../../subgraphs/agencies';
import { projectRoot } from '../../subgraphs/kit';

/**
 * One shape for every agency: whoever knows one folder knows all four. The import rules (an agency
 * imports only the kit and itself; the gateway no subgraph) are eslint's (`npm run lint`).
 */
const SKELETON = [
  'context.ts',
  'cross-agency.ts',
  'entities/',
  'index.ts',
  'loaders.ts',
  'main.ts',
  'migrations/',
  'references.ts',
  'repository.ts',
  'resolvers/',
  'rules/',
  'state-machines.ts',
  'validation.ts',
  'write-repository.ts',
];

/** A statement sent to PostgreSQL (not a GraphQL query sent through the gateway client). */
const SQL_STATEMENT =
  /\.query\s*(<[^>]*>)?\(\s*[`'"]\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|TRUNCATE|LOCK)\b/i;

const agencyDir = (agency: string) => join(projectRoot(), 'subgraphs', agency);

function topLevel(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => (statSync(join(dir, name)).isDirectory() ? `${name}/` : name))
    .sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));
}

describe.each(AGENCY_NAMES)('subgraphs/%s', (agency) => {
  it('has exactly the top-level files and folders of the agency skeleton', () => {
    expect(topLevel(agencyDir(agency))).toEqual(SKELETON);
  });

  it('runs SQL only in its repository modules', () => {
    const outside = sourceFiles(agencyDir(agency))
      .filter((file) => !/(^|\/)(write-)?repository\.ts$/.test(file))
      .filter((file) => SQL_STATEMENT.test(readFileSync(file, 'utf8')))
      .map((file) => relative(projectRoot(), file));
    expect(outside).toEqual([]);
  });

  it('writes through the kit pipeline: no version comparison or runner of its own', () => {
    const offending = sourceFiles(agencyDir(agency))
      .filter((file) =>
        /expectedVersion\s*!==|!==\s*\w+\.expectedVersion|runMutation\(|recordStatusChange\(tx/.test(
          readFileSync(file, 'utf8'),
        ),
      )
      .map((file) => relative(projectRoot(), file));
    expect(offending).toEqual([]);
  });
});
