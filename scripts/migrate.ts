import { runMain } from '../subgraphs/kit';
import { prepareDatabases, redact } from './database-setup';

/** `npm run migrate`: applies every agency's pending migrations to its database. */
runMain(async () => {
  const log = (msg: string) => console.log(`[migrate] ${msg}`);
  const { urls, embedded } = await prepareDatabases(log);
  for (const [agency, url] of Object.entries(urls)) log(`${agency}: up to date on ${redact(url)}`);
  await embedded?.stop();
});
