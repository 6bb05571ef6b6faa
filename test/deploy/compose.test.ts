import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { urlOverride } from '../../gateway/subgraph-urls';
import { AGENCY_NAMES } from '../../subgraphs/agencies';
import { Json } from '../support/graphql';
import {
  entryPointSource,
  read,
  ROOT,
  sourceExists,
  supergraphSubgraphs,
  yamlDocuments,
} from './deploy-files';

/**
 * docker-compose.yml, .env.example, the compose helpers under deploy/compose and the Dockerfile,
 * read as docker compose and docker build read them (no Docker engine runs the tests).
 */

const compose = yamlDocuments('docker-compose.yml')[0].doc;
const services: Record<string, Json> = compose.services;
const LONG_RUNNING = ['postgres', 'redis', ...AGENCY_NAMES, 'gateway', 'lb'];
const APP_SERVICES = ['seed', ...AGENCY_NAMES, 'gateway'];
const envOf = (service: string): Record<string, string> => services[service].environment ?? {};
const dependsOn = (service: string): Record<string, { condition: string }> =>
  services[service].depends_on ?? {};

/** `.env.example`'s settings: name → the value it ships with. */
const example = Object.fromEntries(
  read('.env.example')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);
/** `${NAME}`, `${NAME:?message}`, `${NAME:-default}`: the variables compose takes from .env. */
const interpolated = (text: string) =>
  [...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)[^}]*\}/g)].map((m) => m[1]);
const isSecretName = (name: string) => /PASSWORD|SECRET|TOKEN|_KEY$/.test(name);
/** A URL of the compose file, its `${...}` replaced as compose would, with some value. */
const urlOf = (value: string | undefined) => new URL((value ?? '').replace(/\$\{[^}]*\}/g, 'x'));

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, Redis, the four subgraphs, the gateway, a load balancer and the seeder', () => {
    expect(Object.keys(services).sort()).toEqual([...LONG_RUNNING, 'seed'].sort());
  });

  it('restarts every long-running service, and not the one-shot seeder', () => {
    const restart = Object.fromEntries(LONG_RUNNING.map((s) => [s, services[s].restart]));
    expect(restart).toEqual(Object.fromEntries(LONG_RUNNING.map((s) => [s, 'unless-stopped'])));
    expect(services.seed.restart).toBe('no');
  });

  it('health-checks every long-running service', () => {
    const unchecked = LONG_RUNNING.filter((s) => !services[s].healthcheck?.test?.length);
    expect(unchecked).toEqual([]);
  });

  it('health-checks each subgraph and gateway on the port it listens on', () => {
    for (const service of [...AGENCY_NAMES, 'gateway']) {
      const probe = services[service].healthcheck.test.join(' ');
      expect({ service, probe }).toEqual({
        service,
        probe: expect.stringContaining(`http://127.0.0.1:${envOf(service).PORT}/health`),
      });
    }
  });

  it('runs compiled entry points of this project', () => {
    const missing = APP_SERVICES.filter(
      (s) => !sourceExists(entryPointSource(services[s].command) ?? '-'),
    );
    expect(missing).toEqual([]);
  });

  it('gives each agency a database of its own, owned by its own role', () => {
    for (const agency of AGENCY_NAMES) {
      const variable = `${agency.toUpperCase()}_DATABASE_URL`;
      const url = urlOf(envOf(agency)[variable]);
      expect({ agency, user: url.username, host: url.host, database: url.pathname }).toEqual({
        agency,
        user: agency,
        host: 'postgres:5432',
        database: `/${agency}`,
      });
      expect(envOf(agency).DATABASE_URL).toBeUndefined();
      // The seeder writes every agency's data, each into that agency's database.
      expect(envOf('seed')[variable]).toBe(envOf(agency)[variable]);
    }
  });

  it('runs two or more gateways behind the load balancer, the only service with a port', () => {
    expect(services.gateway.deploy?.replicas).toBeGreaterThanOrEqual(2);
    const published = Object.keys(services).filter((s) => services[s].ports);
    expect(published).toEqual(['lb']);
    const nginx = read('deploy/compose/nginx.conf');
    expect(nginx).toContain(`http://gateway:${envOf('gateway').PORT};`);
    expect(services.lb.volumes).toContain(
      './deploy/compose/nginx.conf:/etc/nginx/conf.d/default.conf:ro',
    );
  });

  it('points the gateway at every subgraph of the supergraph, and at Redis', () => {
    for (const name of supergraphSubgraphs()) {
      expect({ name, url: urlOverride(name, envOf('gateway')) }).toEqual({
        name,
        url: `http://${name}:${envOf(name).PORT}/graphql`,
      });
    }
    expect(urlOf(envOf('gateway').REDIS_URL).host).toBe('redis:6379');
  });

  it('sends the subgraphs to the gateways through the load balancer', () => {
    for (const agency of AGENCY_NAMES) {
      expect({ agency, url: envOf(agency).GATEWAY_URL }).toEqual({
        agency,
        url: 'http://lb:4000/graphql',
      });
    }
  });

  it('starts each service once what it needs is healthy', () => {
    const healthy = (service: string) =>
      Object.entries(dependsOn(service))
        .filter(([, d]) => d.condition === 'service_healthy')
        .map(([name]) => name)
        .sort();
    for (const service of ['seed', ...AGENCY_NAMES]) {
      expect({ service, needs: healthy(service) }).toEqual({ service, needs: ['postgres'] });
    }
    expect(healthy('gateway')).toEqual(['redis', ...AGENCY_NAMES].sort());
    expect(healthy('lb')).toEqual(['gateway']);
  });
});

describe('compose secrets', () => {
  const text = read('docker-compose.yml');

  it('passes the database secrets to PostgreSQL from the .env file', () => {
    expect([services.postgres.env_file].flat()).toEqual(['.env']);
    expect(services.postgres.volumes).toContain(
      './deploy/compose/postgres-init:/docker-entrypoint-initdb.d:ro',
    );
  });

  it("creates each agency's role with its password from .env, and stops without one", () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradegraph-init-'));
    try {
      // A psql that records its arguments: the script's shell part, without a server.
      const log = join(dir, 'psql.log');
      writeFileSync(join(dir, 'psql'), `#!/bin/sh\necho "$*" >>"${log}"\ncat >/dev/null\n`);
      chmodSync(join(dir, 'psql'), 0o755);
      const passwords = Object.fromEntries(
        AGENCY_NAMES.map((a) => [`${a.toUpperCase()}_DB_PASSWORD`, `pw-of-${a}`]),
      );
      const run = (env: Record<string, string>) =>
        execFileSync('sh', [join(ROOT, 'deploy/compose/postgres-init/10-agency-databases.sh')], {
          env: { PATH: `${dir}:${process.env.PATH}`, POSTGRES_USER: 'postgres', ...env },
          stdio: 'pipe',
        });
      run(passwords);
      const calls = readFileSync(log, 'utf8').trim().split('\n');
      expect(calls).toEqual(
        AGENCY_NAMES.map(
          (a) =>
            `-v ON_ERROR_STOP=1 --username postgres --dbname postgres -v agency=${a} -v password=pw-of-${a}`,
        ),
      );
      const withoutDrugs = Object.entries(passwords).filter(([name]) => !name.startsWith('DRUGS'));
      expect(() => run(Object.fromEntries(withoutDrugs))).toThrow(/DRUGS_DB_PASSWORD is not set/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes no secret into the file: each comes from .env by name', () => {
    const literal = Object.entries(services).flatMap(([service, s]) =>
      Object.entries((s.environment ?? {}) as Record<string, string>)
        .filter(([name, value]) => {
          const password = /:\/\/[^/@:]*:([^@]*)@/.exec(value)?.[1];
          if (password !== undefined) return !/^\$\{[A-Z_]+:\?[^}]+\}$/.test(password);
          return isSecretName(name) && !/^\$\{[A-Z_]+:\?[^}]+\}$/.test(value);
        })
        .map(([name]) => `${service}: ${name}`),
    );
    expect(literal).toEqual([]);
  });

  it('takes from .env only settings that .env.example lists, secrets empty there', () => {
    const used = [...new Set(interpolated(text))].sort();
    expect(used.filter((name) => !(name in example))).toEqual([]);
    const shipped = Object.entries(example).filter(([name, value]) => isSecretName(name) && value);
    expect(shipped).toEqual([]);
    expect(used.filter(isSecretName).length).toBeGreaterThan(0);
  });

  it('keeps .env out of git and out of the image build', () => {
    const lines = (file: string) => read(file).split('\n');
    expect(lines('.gitignore')).toContain('.env');
    expect(lines('.dockerignore')).toContain('.env');
  });

  it('creates .env with a distinct random value for every password, and never overwrites it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradegraph-env-'));
    try {
      const file = join(dir, '.env');
      const script = join(ROOT, 'deploy/compose/make-env.sh');
      execFileSync('sh', [script, file], { stdio: 'pipe' });
      const written = Object.fromEntries(
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => /^[A-Z_]+=/.test(line))
          .map((line) => line.split('=')),
      );
      const passwords = Object.keys(example).filter((name) => name.endsWith('_PASSWORD'));
      expect(passwords.length).toBeGreaterThan(0);
      for (const name of passwords)
        expect({ name, value: written[name] }).toEqual({
          name,
          value: expect.stringMatching(/^[0-9a-f]{48}$/),
        });
      expect(new Set(passwords.map((name) => written[name])).size).toBe(passwords.length);
      expect(written.TRADEGRAPH_PORT).toBe(example.TRADEGRAPH_PORT);
      const before = readFileSync(file, 'utf8');
      expect(() => execFileSync('sh', [script, file], { stdio: 'pipe' })).toThrow();
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Dockerfile', () => {
  const stages = read('Dockerfile')
    .split(/^FROM /m)
    .slice(1)
    .map((stage) => `FROM ${stage}`);
  const runtime = stages[stages.length - 1];

  it('builds in one stage and runs from another, without the build tools', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime).not.toMatch(/^RUN npm (ci|install)/m);
    expect(runtime).toMatch(/^COPY --from=build \/app\/dist /m);
  });

  it('runs as the unprivileged node user', () => {
    const users = [...runtime.matchAll(/^USER (\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBe('node');
  });

  it("carries every agency's migrations and the supergraph, which the processes read", () => {
    for (const agency of AGENCY_NAMES) {
      expect(runtime).toContain(
        `/app/subgraphs/${agency}/migrations ./subgraphs/${agency}/migrations`,
      );
    }
    expect(runtime).toContain('/app/subgraphs/kit/shared-migrations');
    expect(runtime).toContain('/app/schema/supergraph.graphql');
  });
});
