import { createContext, runInContext } from 'node:vm';

/**
 * The runtime the suite runs under reuses V8's compiled code across a worker's test files; what
 * must hold is that a module still runs afresh in each file's own context, and that a module whose
 * code changed is never served the old code.
 */
const { ModuleCodeCache, FileAsyncLocalStorages, loadedOnFirstUse } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../support/code-caching-runtime') as {
    loadedOnFirstUse<T extends object>(load: () => T): T;
    FileAsyncLocalStorages: new () => {
      module(): typeof import('node:async_hooks');
      disableAll(): void;
    };
    ModuleCodeCache: new () => {
      compile(
        filename: string,
        code: string,
        parameters: string[],
        context: object,
      ): { fn: (...args: unknown[]) => unknown; fromCache: boolean };
      keep(): void;
    };
  };

const MODULE = `
  let calls = 0;
  exports.count = () => ++calls;
  exports.realm = () => globalThis.marker;
  exports.answer = () => ANSWER;
`;
const FILE = '/virtual/counter.js';

/** Compiles the module in a fresh context, as a test file's registry would, and runs it. */
function load(cache: InstanceType<typeof ModuleCodeCache>, code: string, marker: string) {
  const context = createContext({});
  runInContext(`globalThis.marker = ${JSON.stringify(marker)}`, context);
  const { fn, fromCache } = cache.compile(FILE, code, ['exports'], context);
  const exports: Record<string, () => unknown> = {};
  fn(exports);
  return { exports, fromCache };
}

test('a module compiled from the cache runs afresh in the new context, with its own state', () => {
  const cache = new ModuleCodeCache();
  const code = MODULE.replace('ANSWER', '42');
  const first = load(cache, code, 'file one');
  expect(first.fromCache).toBe(false);
  first.exports.count();
  first.exports.count();
  cache.keep();

  const second = load(cache, code, 'file two');
  expect(second.fromCache).toBe(true);
  expect(second.exports.count()).toBe(1);
  expect(second.exports.realm()).toBe('file two');
  expect(second.exports.answer()).toBe(42);
});

test('a module whose code changed is compiled anew, never served the old code', () => {
  const cache = new ModuleCodeCache();
  load(cache, MODULE.replace('ANSWER', '42'), 'one');
  cache.keep();
  const changed = load(cache, MODULE.replace('ANSWER', '43'), 'two');
  expect(changed.fromCache).toBe(false);
  expect(changed.exports.answer()).toBe(43);
  cache.keep();
  expect(load(cache, MODULE.replace('ANSWER', '43'), 'three').fromCache).toBe(true);
});

test('nothing is cached before the file that compiled it has run to its end', () => {
  const cache = new ModuleCodeCache();
  load(cache, MODULE, 'one');
  expect(load(cache, MODULE, 'two').fromCache).toBe(false);
});

describe("a module's globals", () => {
  const GLOBALS = `
    exports.intrinsics = () => [Symbol, Object, Array, JSON, Map, Promise, process];
    exports.looked = () => [globalThis.Symbol, globalThis.Object, globalThis.Array, globalThis.JSON,
      globalThis.Map, globalThis.Promise, globalThis.process];
    exports.now = () => Date.now();
    exports.isArray = (value) => value instanceof Array;
  `;

  /** The module above, compiled and run in `context`. */
  function globalsModule(context: object) {
    const { fn } = new ModuleCodeCache().compile(
      '/virtual/globals.js',
      GLOBALS,
      ['exports'],
      context,
    );
    const exports: Record<string, (...args: unknown[]) => unknown> = {};
    fn(exports);
    return exports;
  }

  test("are the context's own, as a lookup would find them", () => {
    const context = createContext({ process: { env: { WHERE: 'context' } } });
    const exports = globalsModule(context);
    expect(exports.intrinsics()).toEqual(exports.looked());
    expect((exports.intrinsics() as unknown[])[0]).not.toBe(Symbol); // not this realm's
    expect(exports.isArray(runInContext('[]', context))).toBe(true);
    expect(exports.isArray([])).toBe(false);
  });

  test("are bound when the module is compiled: the context's interceptor is not asked again", () => {
    const context = createContext({});
    const exports = globalsModule(context);
    runInContext('delete globalThis.JSON', context);
    expect((exports.looked() as unknown[])[3]).toBeUndefined();
    expect((exports.intrinsics() as unknown[])[3]).toHaveProperty('stringify');
  });

  test('are looked up afresh where a test may replace them (Date, with fake timers)', () => {
    const context = createContext({});
    const exports = globalsModule(context);
    runInContext('globalThis.Date = { now: () => 7 }', context);
    expect(exports.now()).toBe(7);
  });
});

describe('a module loaded on first use', () => {
  test('is not loaded until a property is read, then once, and reads as the module', () => {
    const load = jest.fn(() => ({ answer: 42, ask: () => 'why' }));
    const module = loadedOnFirstUse(load);
    expect(load).not.toHaveBeenCalled();
    expect(module.answer).toBe(42);
    expect(module.ask()).toBe('why');
    expect('ask' in module).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test("as Apollo's usage-reporting modules are, when the gateway loads", () => {
    const loaded = () =>
      Object.keys(require.cache).filter((path) => /sdk-metrics|resource-detector/.test(path));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ApolloGateway } = require('@apollo/gateway') as typeof import('@apollo/gateway');
    expect(typeof ApolloGateway).toBe('function');
    expect(loaded()).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const telemetry = require('@apollo/gateway/dist/utilities/opentelemetry') as {
      createDataCollectionMeterProvider: (exporter: object) => { shutdown(): Promise<void> };
    };
    expect(typeof telemetry.createDataCollectionMeterProvider).toBe('function');
    expect(loaded()).toEqual([]);
  });
});

describe("a file's AsyncLocalStorages", () => {
  test('are the ones this file gets from node:async_hooks', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fromJest = require('node:async_hooks') as typeof import('node:async_hooks');
    expect(fromJest.AsyncLocalStorage.name).toBe('FileAsyncLocalStorage');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require('async_hooks')).toBe(fromJest);
  });

  test('work as any storage while the file runs, and are disabled when it ends', async () => {
    const storages = new FileAsyncLocalStorages();
    const { AsyncLocalStorage } = storages.module();
    const scope = new AsyncLocalStorage<string>();
    const seen = await scope.run('request-1', async () => {
      await Promise.resolve();
      return scope.getStore();
    });
    expect(seen).toBe('request-1');
    scope.enterWith('left over');
    expect(scope.getStore()).toBe('left over');

    storages.disableAll();
    expect(scope.getStore()).toBeUndefined();
    // A module that keeps its storage can still use it: run enables it again.
    expect(scope.run('again', () => scope.getStore())).toBe('again');
    scope.disable();
  });
});
