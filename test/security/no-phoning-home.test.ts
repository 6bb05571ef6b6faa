import { Socket } from 'node:net';
import { CREATE_ROUTE } from '../routes/operations';
import { Federation, startFederation } from '../support/federation';
import { expectData } from '../support/graphql';

/**
 * An agency's deployment sends nothing outside its network unless an operator asks (issue 7,
 * item 6): from its start to its stop, through a read and a write, the whole federation (the
 * gateway, the four subgraphs, their cross-agency rules) opens connections only to what it is
 * configured with, here all on this machine. Every TCP connection the process opens is watched.
 */

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** Where `Socket#connect` was asked to go: its host (a Unix socket is local), as called. */
function destinationOf(args: unknown[]): string {
  // net.connect hands over its arguments already normalised: [[options, callback]].
  const first = (Array.isArray(args[0]) ? args[0][0] : args[0]) as
    | { host?: string; path?: string }
    | number
    | string;
  if (typeof first === 'object' && first !== null) {
    return first.path ? 'localhost' : (first.host ?? 'localhost');
  }
  return typeof args[1] === 'string' ? args[1] : 'localhost';
}

describe('the federation, left to itself', () => {
  const destinations = new Set<string>();
  const connect = Socket.prototype.connect;
  const telemetrySetting = process.env.APOLLO_TELEMETRY_DISABLED;
  let fed: Federation;

  beforeAll(async () => {
    // As an operator's shell has it: the gateway's own default applies.
    delete process.env.APOLLO_TELEMETRY_DISABLED;
    Socket.prototype.connect = function watched(this: Socket, ...args: unknown[]) {
      destinations.add(destinationOf(args));
      return (connect as (...a: unknown[]) => Socket).apply(this, args);
    } as typeof connect;
    fed = await startFederation();
  });

  afterAll(async () => {
    await fed?.stop();
    Socket.prototype.connect = connect;
    if (telemetrySetting === undefined) delete process.env.APOLLO_TELEMETRY_DISABLED;
    else process.env.APOLLO_TELEMETRY_DISABLED = telemetrySetting;
  });

  it('connects to nothing but the machine it was configured with, through a read and a write', async () => {
    expectData(await fed.graphql('{ route(id: "CA-PEK-FRA") { id } }'));
    // routes' rule reads both airports through the gateway with its service token.
    const input = {
      airline: 'CA',
      origin: 'PEK',
      destination: 'MUC',
      region: 'EUROPE',
      status: 'PLANNED',
      weeklyFrequency: 1,
      weeklyCargoCapacityTonnes: 8,
    };
    expectData(await fed.graphql(CREATE_ROUTE, { input }));
    expect(destinations.size).toBeGreaterThan(0);
    expect([...destinations].filter((host) => !LOOPBACK.test(host))).toEqual([]);
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');
  });
});
