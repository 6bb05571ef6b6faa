import { stripIgnoredCharacters } from 'graphql';
import type { PersistedOperation } from './manifest';

/** `off`: any operation runs; `enforce`: only the manifest's. */
export type SafelistMode = 'off' | 'enforce';
export const SAFELIST_MODES: readonly SafelistMode[] = ['off', 'enforce'];

/**
 * The manifest's operations as the gateway looks them up: by id (what a client may send instead
 * of the body), and by body (the safelist). Bodies compare without what GraphQL ignores
 * (whitespace, commas, comments), as Apollo Router's safelist does: a client that reformats a
 * listed operation still sends the listed operation; one that changes a field does not.
 */
export class PersistedOperations {
  private readonly bodies = new Map<string, string>();
  private readonly listed = new Set<string>();

  constructor(operations: readonly PersistedOperation[]) {
    for (const op of operations) {
      this.bodies.set(op.id, op.body);
      this.listed.add(canonical(op.body)!);
    }
  }

  get size(): number {
    return this.bodies.size;
  }

  /** The body listed under `id`, if any. */
  bodyOf(id: string): string | undefined {
    return this.bodies.get(id);
  }

  /** Whether `body` is one of the listed operations. */
  lists(body: string): boolean {
    const key = canonical(body);
    return key !== undefined && this.listed.has(key);
  }
}

/** The document without insignificant characters; undefined for text that is not GraphQL. */
function canonical(body: string): string | undefined {
  try {
    return stripIgnoredCharacters(body);
  } catch {
    return undefined;
  }
}
