/**
 * Shapes of the demo's data files: each `Shape<T>` takes a parsed JSON value and returns it as a
 * T, or throws a DataError naming the file, the path in it and what was expected. A data file is
 * read once, at start-up, so a wrong entry stops the seeder before it writes anything.
 */

export class DataError extends Error {}

export type Shape<T> = (value: unknown, path: string) => T;

function fail(path: string, expected: string, value: unknown): never {
  throw new DataError(`${path}: expected ${expected}, got ${JSON.stringify(value)}`);
}

export const text: Shape<string> = (v, path) =>
  typeof v === 'string' && v.length > 0 ? v : fail(path, 'a non-empty string', v);

export const number: Shape<number> = (v, path) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fail(path, 'a number', v);

export const positive: Shape<number> = (v, path) =>
  number(v, path) > 0 ? (v as number) : fail(path, 'a positive number', v);

export const count: Shape<number> = (v, path) =>
  Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : fail(path, 'a whole number', v);

export const boolean: Shape<boolean> = (v, path) =>
  typeof v === 'boolean' ? v : fail(path, 'true or false', v);

/** A calendar date `YYYY-MM-DD` that exists. */
export const date: Shape<string> = (v, path) => {
  const s = text(v, path);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
    ? s
    : fail(path, 'a date YYYY-MM-DD', v);
};

/** A local time of day `HH:MM`. */
export const timeOfDay: Shape<string> = (v, path) =>
  /^([01]\d|2[0-3]):[0-5]\d$/.test(text(v, path)) ? (v as string) : fail(path, 'a time HH:MM', v);

/** Text the owner's check accepts (a kit `check*` function: null when valid, else why not). */
export function checked(check: (value: string) => string | null): Shape<string> {
  return (v, path) => {
    const problem = check(text(v, path));
    if (problem !== null) throw new DataError(`${path}: ${problem}`);
    return v as string;
  };
}

/** Text matching a pattern. */
export function matching(pattern: RegExp, what: string): Shape<string> {
  return (v, path) => (pattern.test(text(v, path)) ? (v as string) : fail(path, what, v));
}

/** An ISO 3166 alpha-2 country code. */
export const country = matching(/^[A-Z]{2}$/, 'an ISO 3166 country code');

/** One of the values of an enum (as its string literals, so the data reads as the enum). */
export function oneOf<E extends string>(values: Record<string, E> | readonly E[]): Shape<`${E}`> {
  const allowed: readonly string[] = Array.isArray(values) ? values : Object.values(values);
  return (v, path) =>
    typeof v === 'string' && allowed.includes(v)
      ? (v as `${E}`)
      : fail(path, `one of ${allowed.join(', ')}`, v);
}

export function nullable<T>(shape: Shape<T>): Shape<T | null> {
  return (v, path) => (v === null ? null : shape(v, path));
}

export function list<T>(item: Shape<T>, minLength = 1): Shape<T[]> {
  return (v, path) => {
    if (!Array.isArray(v) || v.length < minLength) {
      fail(path, `a list of at least ${minLength}`, v);
    }
    return v.map((x, i) => item(x, `${path}[${i}]`));
  };
}

/** A list of exactly two (out and back, say). */
export function two<T>(item: Shape<T>): Shape<[T, T]> {
  return (v, path) => {
    if (!Array.isArray(v) || v.length !== 2) fail(path, 'a list of two', v);
    return [item(v[0], `${path}[0]`), item(v[1], `${path}[1]`)];
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object with string keys, every value of one shape. */
export function dictionary<T>(value: Shape<T>): Shape<Record<string, T>> {
  return (v, path) => {
    if (!isObject(v)) fail(path, 'an object', v);
    const out: Record<string, T> = {};
    for (const [k, x] of Object.entries(v)) out[k] = value(x, `${path}.${k}`);
    return out;
  };
}

type Fields<T> = { [K in keyof T]-?: Shape<T[K]> };

/** A field that may be absent (it stays absent from the result). */
export function optional<T>(shape: Shape<T>): Shape<T | undefined> {
  return (v, path) => (v === undefined ? undefined : shape(v, path));
}

/**
 * An object with exactly these fields (an unknown field is an error: a misspelt optional field
 * must not pass silently), built with the fields in the order given.
 */
export function object<T>(fields: Fields<T>): Shape<T> {
  const entries = Object.entries(fields) as [string, Shape<unknown>][];
  return (v, path) => {
    if (!isObject(v)) fail(path, 'an object', v);
    for (const key of Object.keys(v)) {
      if (!(key in fields)) throw new DataError(`${path}: unknown field "${key}"`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, shape] of entries) {
      const value = shape(v[key], `${path}.${key}`);
      if (value !== undefined) out[key] = value;
    }
    return out as T;
  };
}

/**
 * Reads a data file's content (imported JSON) as `shape`, after its `about` text, which says
 * where the data comes from and what in it is assumed.
 */
export function load<T>(file: string, json: unknown, shape: Shape<T>): T {
  if (!isObject(json) || typeof json.about !== 'string') {
    throw new DataError(`${file}: expected an object with an "about" text`);
  }
  const content: Record<string, unknown> = { ...json };
  delete content.about;
  return shape(content, file);
}
