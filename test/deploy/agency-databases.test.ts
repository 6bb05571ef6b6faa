import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { FULL_PICTURE_QUERY } from '../../gateway/explorer/full-picture-query';
import { MIN_SHIPMENTS } from '../../scripts/demo/config';
import { seedDemo } from '../../scripts/demo/seed-demo';
import { SHOWCASE } from '../../scripts/demo/showcase';
import { InProcessFederation, startInProcessFederation } from '../../scripts/in-process-federation';
import { AGENCY_NAMES, AgencyName } from '../../subgraphs/agencies';
import { migrateAgency } from '../../subgraphs/kit';
import { expectData, Json } from '../support/graphql';
import { testServerUrl } from '../support/test-database';
import { read } from './deploy-files';

/**
 * The deployed layout, on the test server: each agency in a database of its own, reached as the
 * role that owns it and nothing more, as docker-compose.yml's init script and CloudNativePG's
 * initdb set them up. Migrations, the demo seeder and the federation must all work so: none of
 * them may need a superuser or another agency's database.
 */

/** The init script's SQL, its psql variables filled in as psql fills them. */
function initSql(agencyRole: string, password: string): string[] {
  const script = read('deploy/compose/postgres-init/10-agency-databases.sh');
  const sql = script.match(/<<'SQL'\n([\s\S]*?)\nSQL\n/)?.[1];
  if (!sql) throw new Error('no SQL heredoc in the init script');
  return sql
    .replaceAll(':"agency"', pg.escapeIdentifier(agencyRole))
    .replaceAll(":'password'", pg.escapeLiteral(password))
    .split(/;\n?/)
    .map((s) => s.trim())
    .filter(Boolean);
}

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
/** Role and database of an agency here (unique names: the test server is shared). */
const nameOf = (agency: string) => `tg_${agency}_${suffix}`;
const password = randomBytes(12).toString('hex');

function urlAs(role: string, database: string): string {
  const url = new URL(testServerUrl());
  url.username = role;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

describe('each agency in a database of its own, as its owner', () => {
  const urls = Object.fromEntries(
    AGENCY_NAMES.map((a) => [a, urlAs(nameOf(a), nameOf(a))]),
  ) as Record<AgencyName, string>;
  let federation: InProcessFederation | undefined;

  beforeAll(async () => {
    await asAdmin(async (admin) => {
      for (const agency of AGENCY_NAMES) {
        for (const statement of initSql(nameOf(agency), password)) await admin.query(statement);
      }
    });
    for (const agency of AGENCY_NAMES) await migrateAgency(urls[agency], agency);
    await seedDemo({ urls, shipments: MIN_SHIPMENTS });
    federation = await startInProcessFederation(urls);
  });

  afterAll(async () => {
    await federation?.stop();
    await asAdmin(async (admin) => {
      for (const agency of AGENCY_NAMES) {
        const name = pg.escapeIdentifier(nameOf(agency));
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.query(`DROP ROLE IF EXISTS ${name}`);
      }
    });
  });

  it('creates roles that own their database and hold no power beyond it', async () => {
    const roles = await asAdmin((admin) =>
      admin.query(
        `SELECT r.rolname, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
                pg_get_userbyid(d.datdba) AS owner
           FROM pg_roles r JOIN pg_database d ON d.datname = r.rolname
          WHERE r.rolname = ANY($1) ORDER BY r.rolname`,
        [AGENCY_NAMES.map(nameOf)],
      ),
    );
    expect(roles.rows).toEqual(
      AGENCY_NAMES.map(nameOf)
        .sort()
        .map((name) => ({
          rolname: name,
          rolsuper: false,
          rolcreaterole: false,
          rolcreatedb: false,
          rolcanlogin: true,
          owner: name,
        })),
    );
  });

  it("keeps each agency's role out of the other agencies' databases", async () => {
    for (const agency of AGENCY_NAMES) {
      for (const other of AGENCY_NAMES.filter((a) => a !== agency)) {
        const intruder = new pg.Client({ connectionString: urlAs(nameOf(agency), nameOf(other)) });
        intruder.on('error', () => undefined);
        const outcome = await intruder.connect().then(
          () => 'connected',
          (err: Error) => err.message,
        );
        await intruder.end().catch(() => undefined);
        expect({ agency, other, outcome }).toEqual({
          agency,
          other,
          outcome: expect.stringMatching(/permission denied for database/),
        });
      }
    }
  });

  it('migrates, seeds and serves the full picture of a shipment from the four databases', async () => {
    const { shipment } = expectData(
      // As an operator holding every scope (a shipment is for signed-in callers).
      await federation!.query<{ shipment: Json }>(FULL_PICTURE_QUERY, {
        awb: SHOWCASE.cellTherapy,
      }),
    );
    // One part from each agency's database: customs, routes, airports, drugs.
    expect(shipment.manifest.pieces).toBeGreaterThan(0);
    expect(shipment.legs.length).toBeGreaterThan(0);
    expect(shipment.arrival.airport.iataCode).toMatch(/^(PEK|PKX)$/);
    expect(shipment.manifest.consignee.drugImportAgent.categories).toContain('CELL_THERAPY');
  });
});
