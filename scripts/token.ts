import { parseArgs } from 'node:util';
import { runMain, stringFromEnv } from '../subgraphs/kit';
import { DEV_JWT_SECRET_FILE, developmentJwtSecret, mintToken, parseTtl } from './dev-credentials';

const USAGE = `usage: npm run token -- --sub NAME --scope "trade:read customs:write" [--uscc ID] [--ttl 1h] [--service]

Prints a bearer token the gateway accepts, signed with JWT_SECRET or, without it, the development
secret that \`npm start\` keeps in ${DEV_JWT_SECRET_FILE}. Scopes: trade:read, airports:write,
customs:write, drugs:write, routes:write, audit:read. Put it in the explorer's Headers tab as
{"Authorization": "Bearer <token>"}.`;

/** `npm run token`: mints a development token. */
runMain(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sub: { type: 'string' },
        scope: { type: 'string', default: '' },
        uscc: { type: 'string' },
        ttl: { type: 'string', default: '1h' },
        service: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.sub) throw new Error(`--sub is required\n${USAGE}`);
  if (stringFromEnv('JWKS_URL') && !stringFromEnv('JWT_SECRET')) {
    throw new Error('the gateway takes tokens from JWKS_URL: get one from that identity provider');
  }
  const token = await mintToken(stringFromEnv('JWT_SECRET') ?? developmentJwtSecret(), {
    sub: values.sub,
    scopes: values.scope.split(/\s+/).filter(Boolean),
    uscc: values.uscc,
    ttlSeconds: parseTtl(values.ttl),
    service: values.service,
    issuer: stringFromEnv('JWT_ISSUER'),
    audience: stringFromEnv('JWT_AUDIENCE'),
  });
  console.log(token);
});
