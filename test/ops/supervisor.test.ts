import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildSpec, Supervisor } from '../../scripts/supervisor';
import { freePort } from './ports';

/**
 * The launcher's supervision, with real child processes of small programs: an HTTP server that
 * answers /health (and can be told to crash), one that dies at once, one that ignores SIGTERM.
 */
const SERVER = `
const http = require('node:http');
const port = Number(process.argv[2]);
if (!Number.isInteger(port)) process.exit(1);
const crashAfterMs = Number(process.env.CRASH_AFTER_MS || 0);
// The crash clock starts at the first answer (the supervisor's probe), not at process start:
// on a busy machine a slow start must not crash the child before it was ever seen serving.
let armed = false;
const server = http
  .createServer((req, res) => {
    res.end('ok');
    if (crashAfterMs && !armed) {
      armed = true;
      setTimeout(() => process.exit(3), crashAfterMs);
    }
  })
  .listen(port, '127.0.0.1');
if (process.env.IGNORE_SIGTERM) process.on('SIGTERM', () => undefined);
else process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

describe('the supervisor', () => {
  let dir: string;
  let script: string;
  const logs: string[] = [];
  const supervisors: Supervisor[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tradegraph-supervisor-'));
    script = join(dir, 'server.js');
    writeFileSync(script, SERVER);
  });
  afterAll(async () => {
    for (const s of supervisors) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    logs.length = 0;
  });

  async function child(name: string, env: NodeJS.ProcessEnv = {}): Promise<ChildSpec> {
    const port = await freePort();
    return {
      name,
      script,
      args: [String(port)],
      env: { NAME: name, ...env },
      healthUrl: `http://127.0.0.1:${port}/health`,
    };
  }

  function supervisor(options: Partial<ConstructorParameters<typeof Supervisor>[0]> = {}) {
    const s = new Supervisor({ log: (m) => logs.push(m), restartDelayMs: 100, ...options });
    supervisors.push(s);
    return s;
  }

  async function logged(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const line of logs) {
        const m = pattern.exec(line);
        if (m) return m;
      }
      if (Date.now() > deadline) throw new Error(`nothing logged ${pattern}:\n${logs.join('\n')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('restarts a child that keeps crashing after a delay that doubles up to its limit', async () => {
    const s = supervisor({ restartDelayMs: 100, maxRestartDelayMs: 400 });
    // It serves, then exits with code 3 after a second, every time.
    await s.startGroup([await child('flaky', { CRASH_AFTER_MS: '1000' })]);
    const delays: string[] = [];
    for (let restart = 1; restart <= 4; restart++) {
      const [, delay] = await logged(
        new RegExp(
          `^flaky exited \\(code 3\\): restarting it in (\\S+) s \\(restart ${restart}\\); the others go on serving$`,
        ),
      );
      delays.push(delay);
      await logged(new RegExp(`^flaky is back \\(pid \\d+, restart ${restart}\\)$`));
    }
    // 100 ms, 200 ms, 400 ms, then no longer.
    expect(delays).toEqual(['0.1', '0.2', '0.4', '0.4']);
    await s.stop();
  }, 60_000);

  it('leaves a crash of one child to that child: the others keep their process', async () => {
    const s = supervisor();
    await s.startGroup([await child('steady'), await child('victim')]);
    const { steady, victim } = s.pids();
    process.kill(victim!, 'SIGKILL');
    await logged(/^victim is back \(pid \d+, restart 1\)$/);
    expect(s.pids().steady).toBe(steady);
    expect(s.pids().victim).not.toBe(victim);
    expect(logs.filter((l) => l.startsWith('steady running'))).toHaveLength(1);
    await s.stop();
  }, 60_000);

  it('fails a first start that exits, rather than restarting it', async () => {
    const s = supervisor();
    const spec = await child('broken');
    // Its argument is no port: it dies on start.
    await expect(s.startGroup([{ ...spec, args: ['not-a-port'] }])).rejects.toThrow(
      /^broken exited \(code 1\) while starting$/,
    );
    expect(logs.some((l) => l.includes('restarting'))).toBe(false);
    await s.stop();
  }, 60_000);

  it('stops the last group first, and kills a child that does not stop in time', async () => {
    const s = supervisor({ stopTimeoutMs: 500 });
    await s.startGroup([await child('backend'), await child('stubborn', { IGNORE_SIGTERM: '1' })]);
    await s.startGroup([await child('frontend')]);
    await s.stop();
    expect(logs.filter((l) => l.startsWith('stopping'))).toEqual([
      'stopping frontend',
      'stopping backend, stubborn',
    ]);
    expect(logs).toContain('stubborn did not stop within 0.5 s: killing it');
    for (const pid of Object.values(s.pids())) expect(() => process.kill(pid!, 0)).toThrow();
  }, 60_000);
});
