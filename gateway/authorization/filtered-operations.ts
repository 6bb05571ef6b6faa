import { createHash } from 'node:crypto';
import { DocumentNode, GraphQLSchema, print } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Identity } from '../identity';
import type { AccessRequirements } from './access-requirements';
import { filterOperation, FilteredOperation } from './filter-operation';

/** An operation filtered for one kind of caller, with the text and hash to plan it by. */
export interface PlannableOperation extends FilteredOperation {
  /** The filtered document's text and its SHA-256, when something was removed. */
  source?: string;
  queryHash?: string;
}

export interface OperationRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  /** Apollo Server's hash of the document's text. */
  queryHash: string;
  operationName?: string | null;
  identity: Identity;
}

/**
 * The filter's answers, remembered per operation and per access (authenticated or not, and the
 * scopes held: `sub` and `uscc` change nothing at the gateway), so that a client repeating its
 * operations costs one walk of each, not one per request. Kept per requirements object: a
 * reloaded supergraph starts afresh.
 */
export class FilteredOperations {
  private readonly caches = new WeakMap<AccessRequirements, LRUCache<string, PlannableOperation>>();

  constructor(private readonly max = 2000) {}

  get(request: OperationRequest, requirements: AccessRequirements): PlannableOperation {
    let cache = this.caches.get(requirements);
    if (!cache) {
      cache = new LRUCache({ max: this.max });
      this.caches.set(requirements, cache);
    }
    const key = `${request.queryHash}\n${request.operationName ?? ''}\n${accessOf(request.identity)}`;
    let answer = cache.get(key);
    if (!answer) {
      answer = plannable(filterOperation({ ...request, requirements }));
      cache.set(key, answer);
    }
    return answer;
  }
}

function plannable(filtered: FilteredOperation): PlannableOperation {
  if (filtered.removed.length === 0 || filtered.empty) return filtered;
  const source = print(filtered.document);
  return { ...filtered, source, queryHash: createHash('sha256').update(source).digest('hex') };
}

/**
 * What field authorization reads of an identity: two callers with the same access are let see the
 * same fields. Also the response cache's key (plugins/response-cache), never the token itself.
 */
export function accessOf(identity: Identity): string {
  const scopes = [...identity.scopes].sort().join(' ');
  return `${identity.kind === 'ANONYMOUS' ? 'anonymous' : 'authenticated'}:${scopes}`;
}
