import pg from 'pg';

/**
 * Bulk loads run faster without PostgreSQL's per-row foreign-key triggers (for the demo's 66,000
 * flights alone, about three quarters of the load's database time). Skipping them needs
 * `session_replication_role = replica`, which only a superuser may set; the keys are then proven
 * once per constraint with one set-based query after the load, before the transaction commits,
 * so a load with a dangling key still fails and leaves nothing behind.
 */

/** Turns the per-row checks off for this session; false when the role may not (they stay on). */
export async function skipRowByRowChecks(client: pg.Client): Promise<boolean> {
  try {
    await client.query('SET session_replication_role = replica');
    return true;
  } catch {
    return false;
  }
}

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  childColumns: string[];
  parentColumns: string[];
}

/** The foreign keys declared on `tables` (schema-qualified names). */
async function foreignKeysOf(client: pg.Client, tables: string[]): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `SELECT c.conname AS name,
            c.conrelid::regclass::text AS child,
            c.confrelid::regclass::text AS parent,
            array(SELECT quote_ident(a.attname) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)
              AS "childColumns",
            array(SELECT quote_ident(a.attname) FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)
              AS "parentColumns"
     FROM pg_constraint c
     WHERE c.contype = 'f' AND c.conrelid = ANY ($1::regclass[])
     ORDER BY 1`,
    [tables],
  );
  return rows;
}

/**
 * Proves every foreign key of `tables` (MATCH SIMPLE: a row with a null in its key names
 * nothing). Throws naming the constraint and one offending row's key.
 */
export async function verifyForeignKeys(client: pg.Client, tables: string[]): Promise<void> {
  for (const fk of await foreignKeysOf(client, tables)) {
    const child = fk.childColumns.map((c) => `c.${c}`);
    const matches = fk.childColumns.map((c, i) => `p.${fk.parentColumns[i]} = c.${c}`);
    const { rows } = await client.query<{ key: string }>(
      `SELECT concat_ws(', ', ${child.join(', ')}) AS key FROM ${fk.child} c
       WHERE ${child.map((c) => `${c} IS NOT NULL`).join(' AND ')}
         AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE ${matches.join(' AND ')})
       LIMIT 1`,
    );
    if (rows.length) {
      throw new Error(
        `demo data: ${fk.child} breaks its foreign key ${fk.name}: (${rows[0].key}) is not in ${fk.parent}`,
      );
    }
  }
}
