/** The four agencies: each a subgraph, a PostgreSQL schema, a migrations folder and an env prefix. */
export const AGENCY_NAMES = ['airports', 'customs', 'drugs', 'routes'] as const;
export type AgencyName = (typeof AGENCY_NAMES)[number];
