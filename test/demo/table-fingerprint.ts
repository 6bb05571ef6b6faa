import pg from 'pg';

/**
 * A fingerprint of a table's contents: its row count and an md5 over the text of its rows, sorted
 * by that text (so the physical order of the rows does not matter, their every column does).
 */
export interface TableFingerprint {
  rows: number;
  md5: string;
}

/**
 * Row text depends on the session's output settings (a timestamptz prints in the session time
 * zone): fix them, so that the same rows give the same fingerprint on any server configuration.
 */
const STABLE_OUTPUT = [
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  'SET extra_float_digits = 1',
  "SET bytea_output = 'hex'",
];

export async function fingerprintTables(
  url: string,
  tables: readonly string[],
): Promise<Record<string, TableFingerprint>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of STABLE_OUTPUT) await client.query(statement);
    const out: Record<string, TableFingerprint> = {};
    for (const table of tables) {
      const { rows } = await client.query<TableFingerprint>(
        `SELECT count(*)::int AS rows,
                md5(coalesce(string_agg(t::text, '|' ORDER BY t::text COLLATE "C"), '')) AS md5
         FROM ${table} t`,
      );
      out[table] = rows[0];
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Every table of `schemas` that holds rows: what a seeding filled. */
export async function nonEmptyTables(url: string, schemas: readonly string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT schemaname || '.' || tablename AS name FROM pg_tables
        WHERE schemaname = ANY ($1) ORDER BY 1`,
      [schemas],
    );
    const filled: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query(`SELECT 1 FROM ${name} LIMIT 1`);
      if (rows.length) filled.push(name);
    }
    return filled;
  } finally {
    await client.end();
  }
}
