'use strict';
/**
 * jest's module runtime, with V8's code cache kept across the test files a worker runs.
 *
 * jest gives every test file a fresh module registry, so a worker compiles the same modules again
 * for each file: a file that starts the federation loads about 2,100 of them (graphql-js, Apollo,
 * type-graphql, OpenTelemetry, the project), and compiling them was about a third of its own
 * time. Modules still run afresh in each file's context, exactly as before; only V8's compiled
 * code is reused, and only for a module whose code is the same text (a changed file, or one
 * transformed otherwise, is compiled anew). A cache is made after the file has run, so it holds
 * the functions the file called, not just the module's top level.
 *
 * Plain JavaScript because jest loads a runtime with Node's own `require`, untransformed.
 */
const { Script, runInNewContext } = require('node:vm');
const Runtime = require('jest-runtime').default;

/** The property of the wrapper object that holds a module's function (as jest's own once did). */
const MODULE_FUNCTION = 'tradegraphModuleFunction';

/**
 * The globals a module's function gets as bindings of its own: in a test file's context (a vm
 * context) each lookup of a global goes through the context's interceptor, about 450 ns against
 * 8 ns outside one, and libraries do it on hot paths (a `Symbol.toStringTag` in each of graphql's
 * instanceOf checks, an `Object.keys`, a `process.env` read): on the original 51 test files
 * binding them took 5-7 % off the workers' CPU. The values are the context's own, read when the
 * module is compiled, which is what a lookup returns as long as nobody assigns the global:
 * ECMAScript's globals (a fresh context's own properties; `undefined` costs nothing) and the
 * environment's `process` and `Buffer`; not those a test may replace (`Date`, the timers, with
 * fake timers; `console`) nor `eval` (whose direct calls must stay direct).
 */
const BOUND_GLOBALS = [
  ...runInNewContext('Object.getOwnPropertyNames(globalThis)').filter(
    (name) => !['undefined', 'eval', 'Date', 'console'].includes(name),
  ),
  'process',
  'Buffer',
];
/** The wrapper's parameters that bind them, made once rather than for every module. */
const BINDING_PARAMETERS = BOUND_GLOBALS.join(',');
/** The values of `BOUND_GLOBALS` in each context, read once. */
const boundValues = new WeakMap();
function boundGlobalsOf(context) {
  let values = boundValues.get(context);
  if (!values) {
    values = new Script(`[${BOUND_GLOBALS.map((name) => `globalThis.${name}`)}]`).runInContext(
      context,
    );
    boundValues.set(context, values);
  }
  return values;
}

/**
 * V8's code caches of module files, by file, each with the code it was made from: compared as
 * text, which costs less than hashing it (a federation file loads about 2,100 modules).
 */
class ModuleCodeCache {
  caches = new Map();
  /** Scripts compiled without a usable cache since the last `keep`. */
  compiledAnew = [];

  /**
   * A module's function, `parameters` => `code`, compiled in `context`: from the cache when it
   * holds this file's code, anew otherwise. `fromCache` says which.
   */
  compile(filename, code, parameters, context, importModuleDynamically) {
    const cached = this.caches.get(filename);
    const cachedData = cached?.code === code ? cached.data : undefined;
    // A function expression in an object literal, not vm.compileFunction: V8 makes a code cache
    // of a Script (after it has run, with everything it compiled), not of a compiled function.
    // The enclosing function binds the globals (see BOUND_GLOBALS).
    const script = new Script(
      `(function(${BINDING_PARAMETERS}){return {"${MODULE_FUNCTION}":function(${parameters.join(',')}){${code}\n}}});`,
      { filename, cachedData, importModuleDynamically },
    );
    const fromCache = cachedData !== undefined && !script.cachedDataRejected;
    if (!fromCache) this.compiledAnew.push({ filename, code, script });
    const bind = script.runInContext(context);
    return { fn: bind(...boundGlobalsOf(context))[MODULE_FUNCTION], fromCache };
  }

  /** Makes the caches of the scripts compiled anew, now that they have run. */
  keep() {
    for (const { filename, code, script } of this.compiledAnew) {
      this.caches.set(filename, { code, data: script.createCachedData() });
    }
    this.compiledAnew = [];
  }
}

/** One per worker: jest makes a runtime per test file, and the worker outlives them. */
const workerCache = new ModuleCodeCache();

/**
 * `node:async_hooks` as one test file sees it: every `AsyncLocalStorage` the file's modules make
 * is disabled when the file ends. Core modules are the worker's, not the file's, so a storage a
 * module makes at load (the gateway's request-id scope) stays registered with Node after its file
 * is done, and each file that loads the module adds one more. Node's promise hook visits every
 * registered storage for every promise made from then on: with a dozen left behind, a loop of
 * awaits ran six times slower than with one (25 left: 22 times).
 */
class FileAsyncLocalStorages {
  made = [];
  hooks = undefined;

  /** The `async_hooks` module of the file (one object, whichever specifier asks). */
  module() {
    if (!this.hooks) {
      const asyncHooks = require('node:async_hooks');
      const made = this.made;
      class FileAsyncLocalStorage extends asyncHooks.AsyncLocalStorage {
        constructor(...args) {
          super(...args);
          made.push(this);
        }
      }
      this.hooks = Object.freeze({ ...asyncHooks, AsyncLocalStorage: FileAsyncLocalStorage });
    }
    return this.hooks;
  }

  disableAll() {
    for (const storage of this.made.splice(0)) storage.disable();
  }
}

/**
 * Modules that `@apollo/gateway` requires as it loads and uses only to send Apollo its usage data,
 * which the gateway's configuration turns off (APOLLO_TELEMETRY_DISABLED): OpenTelemetry's metrics
 * SDK and exporter, and four cloud providers' resource detectors, about 660 modules, a quarter of
 * what a test file that starts the federation loads. In a test file they load when first used
 * (never, with the telemetry off); the modules themselves are unchanged.
 */
const LOADED_ON_FIRST_USE = {
  requiredBy: /[\\/]@apollo[\\/]gateway[\\/]dist[\\/]utilities[\\/]opentelemetry\.js$/,
  modules: new Set([
    '@opentelemetry/sdk-metrics',
    '@opentelemetry/exporter-metrics-otlp-http',
    '@opentelemetry/resource-detector-alibaba-cloud',
    '@opentelemetry/resource-detector-aws',
    '@opentelemetry/resource-detector-gcp',
    '@opentelemetry/resource-detector-azure',
  ]),
};

/** An object that stands for the module `load()` returns, and loads it when first used. */
function loadedOnFirstUse(load) {
  let loaded;
  const module = () => (loaded ??= load());
  return new Proxy(
    {},
    {
      get: (_, key) => module()[key],
      has: (_, key) => key in module(),
    },
  );
}

class CodeCachingRuntime extends Runtime {
  asyncLocalStorages = new FileAsyncLocalStorages();

  requireModuleOrMock(from, moduleName) {
    if (LOADED_ON_FIRST_USE.modules.has(moduleName) && LOADED_ON_FIRST_USE.requiredBy.test(from)) {
      return loadedOnFirstUse(() => super.requireModuleOrMock(from, moduleName));
    }
    return super.requireModuleOrMock(from, moduleName);
  }

  _requireCoreModule(moduleName, supportPrefix) {
    if (moduleName === 'async_hooks' || moduleName === 'node:async_hooks') {
      return this.asyncLocalStorages.module();
    }
    return super._requireCoreModule(moduleName, supportPrefix);
  }

  createScriptFromCode(scriptSource, filename) {
    const context = this._environment.getVmContext();
    if (context == null) return null;
    return workerCache.compile(
      filename,
      scriptSource,
      this.constructInjectedModuleParameters(),
      context,
      async (specifier) =>
        this.linkAndEvaluateModule(await this.resolveModule(specifier, filename, context)),
    ).fn;
  }

  teardown() {
    this.asyncLocalStorages.disableAll();
    workerCache.keep();
    super.teardown();
  }
}

module.exports = CodeCachingRuntime;
module.exports.default = CodeCachingRuntime;
module.exports.ModuleCodeCache = ModuleCodeCache;
module.exports.FileAsyncLocalStorages = FileAsyncLocalStorages;
module.exports.loadedOnFirstUse = loadedOnFirstUse;
