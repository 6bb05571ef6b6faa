import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { AGENCY_NAMES } from '../../subgraphs/agencies';
import { projectRoot } from '../../subgraphs/kit';

/** The folders whose TypeScript reads the environment: every program, script and test. */
const SOURCE_FOLDERS = ['gateway', 'subgraphs', 'scripts', 'schema', 'bench', 'test'];

/**
 * Not read as configuration: these checks themselves (their comments and patterns spell reads
 * out), and tests that set variables of the child programs they start: the launcher's fault
 * tests (whose stand-in children read knobs of their own, e.g. CRASH_AFTER_MS) and the deployment
 * tests (a stand-in psql on PATH).
 */
const NOT_CONFIGURATION = [join('test', 'readme'), join('test', 'ops'), join('test', 'deploy')];

/**
 * The ways the code reads a variable: `process.env.X`, `env.X` (a `ProcessEnv` passed in),
 * `intFromEnv('X')` / `stringFromEnv('X')` / `fromEnv('X')` / `numberFromEnv('X')`, and `env[`X`]` with a literal or
 * template name. `${…}` in a name stands for an agency's (a subgraph's) name.
 */
const READS = [
  /\bprocess\.env\.([A-Z][A-Z0-9_]*)/g,
  /\benv\.([A-Z][A-Z0-9_]*)/g,
  /\b(?:intFromEnv|stringFromEnv|fromEnv|numberFromEnv)\(\s*(?:'([^']*)'|"([^"]*)"|`([^`]*)`)/g,
  /\benv\[\s*(?:'([^']*)'|"([^"]*)"|`([^`]*)`)\s*\]/g,
];

/**
 * `env[name]` with a computed name: only the readers whose callers name the variable (the kit's
 * `intFromEnv`/`stringFromEnv`, the gateway's `fromEnv` and `numberFromEnv`) may, or the table could not be checked.
 */
const COMPUTED_READ = /\benv\[\s*(?!['"`])/;
const READERS = [join('subgraphs', 'kit', 'env.ts'), join('gateway', 'config.ts')];

export interface SourceFile {
  /** Relative to the project root. */
  path: string;
  text: string;
}

export function sourceFiles(folders = SOURCE_FOLDERS): SourceFile[] {
  const root = projectRoot();
  return folders.flatMap((folder) =>
    (readdirSync(join(root, folder), { recursive: true }) as string[])
      .map((file) => join(folder, file))
      .filter((path) => path.endsWith('.ts'))
      // bench/node_modules holds the peer gateways the benchmark installs: not our code.
      .filter((path) => !path.split(sep).includes('node_modules'))
      .filter((path) => !NOT_CONFIGURATION.some((folder) => path.startsWith(folder)))
      .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') })),
  );
}

/** A name with `<NAME>` for an agency's, as each agency's variable: `<NAME>_PORT` → `AIRPORTS_PORT`, … */
export function expandAgencies(name: string): string[] {
  return name.includes('<NAME>')
    ? AGENCY_NAMES.map((agency) => name.replace('<NAME>', agency.toUpperCase()))
    : [name];
}

/** Every variable the files read, with each agency's spelled out. */
export function variablesRead(files: SourceFile[]): Set<string> {
  const names = new Set<string>();
  for (const { text } of files) {
    for (const pattern of READS) {
      for (const match of text.matchAll(pattern)) {
        const name = match.slice(1).find((group) => group !== undefined)!;
        for (const n of expandAgencies(name.replace(/\$\{.*\}/, '<NAME>'))) names.add(n);
      }
    }
  }
  return names;
}

/** Files that read a variable whose name is computed, outside the kit's readers. */
export function computedReads(files: SourceFile[]): string[] {
  return files
    .filter((f) => !READERS.includes(f.path) && COMPUTED_READ.test(f.text))
    .map((f) => f.path);
}
