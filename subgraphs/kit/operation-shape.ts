import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  parse,
  SelectionSetNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * The shape limits of one GraphQL document, checked before validation and execution spend work on
 * it. Pure and domain-free: every subgraph (kit/request-limits.ts) and the gateway
 * (gateway/plugins/operation-limits.ts) use this one check.
 */
export interface OperationLimits {
  /** Lexical tokens in the document; parsing stops at the first one over. */
  maxTokens: number;
  /** Nested field selections (`{ a { b } }` is 2), through fragments. */
  maxDepth: number;
  /** Aliased fields in the whole document, fragments counted once per definition. */
  maxAliases: number;
  /** Fields at the root of any one operation, through fragments. */
  maxRootFields: number;
}

/** Stable codes of a document refused for its shape. */
export const OperationLimitCode = {
  QUERY_TOO_MANY_TOKENS: 'QUERY_TOO_MANY_TOKENS',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_MANY_ALIASES: 'QUERY_TOO_MANY_ALIASES',
  QUERY_TOO_MANY_ROOT_FIELDS: 'QUERY_TOO_MANY_ROOT_FIELDS',
} as const;
export type OperationLimitCode = (typeof OperationLimitCode)[keyof typeof OperationLimitCode];

/** Why a document was refused: its code, a message a client can act on, and the limit. */
export interface OperationLimitRefusal {
  code: OperationLimitCode;
  message: string;
  limit: number;
}

/** The outcome of checking a document: parsed and within limits, or refused (or not GraphQL). */
export type ShapeCheck =
  | { ok: true; document: DocumentNode }
  | { ok: false; refusal: OperationLimitRefusal }
  | { ok: false; syntaxError: GraphQLError };

/** graphql-js's message when `maxTokens` stops the parser (16.x spells it "more that"). */
const TOO_MANY_TOKENS = /Document contains more (?:than|that) \d+ tokens/;

/**
 * Parses `source` with the token limit (so an oversized document costs at most `maxTokens` tokens
 * of lexing), then measures depth, aliases and root fields in one walk bounded by the document's
 * size (each fragment is measured once and its result reused; a fragment cycle counts as too deep).
 */
export function checkOperationShape(source: string, limits: OperationLimits): ShapeCheck {
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (err) {
    if (err instanceof GraphQLError && TOO_MANY_TOKENS.test(err.message)) {
      return {
        ok: false,
        refusal: {
          code: OperationLimitCode.QUERY_TOO_MANY_TOKENS,
          message: `the query has more than ${limits.maxTokens} tokens (names, punctuation, values): split it into smaller queries`,
          limit: limits.maxTokens,
        },
      };
    }
    if (err instanceof GraphQLError) return { ok: false, syntaxError: err };
    throw err;
  }
  const refusal = measure(document, limits);
  return refusal ? { ok: false, refusal } : { ok: true, document };
}

/** Admitted documents remembered by a `shapeChecker`, at most this many bytes of source in all. */
const REMEMBERED_SOURCE_BYTES = 16 * 1024 * 1024;

/**
 * `checkOperationShape` that remembers the documents it admitted: a server sees the same few
 * operations again and again (clients' and the gateway's own fetches), and a parse per request is
 * work on the hot path. Refusals are not remembered: each costs at most `maxTokens` of lexing.
 */
export function shapeChecker(
  limits: OperationLimits,
  remembered = 1000,
): (source: string) => ShapeCheck {
  const admitted = new LRUCache<string, ShapeCheck>({
    max: remembered,
    maxSize: REMEMBERED_SOURCE_BYTES,
    sizeCalculation: (_check, source) => Math.max(1, source.length),
  });
  return (source) => {
    const known = admitted.get(source);
    if (known) return known;
    const check = checkOperationShape(source, limits);
    if (check.ok) admitted.set(source, check);
    return check;
  };
}

/** Depth, aliases and root fields of a parsed document against the limits. */
export function measure(
  document: DocumentNode,
  limits: Omit<OperationLimits, 'maxTokens'>,
): OperationLimitRefusal | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const depthOfFragment = new Map<string, number>();
  const inProgress = new Set<string>();

  // Depth of a selection set: its deepest field path, fragments spread in place.
  const depthOf = (set: SelectionSetNode): number => {
    let deepest = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        deepest = Math.max(deepest, 1 + (sel.selectionSet ? depthOf(sel.selectionSet) : 0));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(sel.selectionSet));
      } else {
        deepest = Math.max(deepest, fragmentDepth(sel.name.value));
      }
    }
    return deepest;
  };
  const fragmentDepth = (name: string): number => {
    const known = depthOfFragment.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // Unknown fragments are validation's to report; a cycle is infinitely deep.
    if (!fragment) return 0;
    if (inProgress.has(name)) return Infinity;
    inProgress.add(name);
    const depth = depthOf(fragment.selectionSet);
    inProgress.delete(name);
    depthOfFragment.set(name, depth);
    return depth;
  };

  // Root fields of one operation: its own, and those of the fragments spread at its root.
  const rootFieldsOf = (set: SelectionSetNode, seen: Set<string>): number => {
    let count = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) count++;
      else if (sel.kind === Kind.INLINE_FRAGMENT) count += rootFieldsOf(sel.selectionSet, seen);
      else {
        const fragment = fragments.get(sel.name.value);
        if (fragment && !seen.has(sel.name.value)) {
          seen.add(sel.name.value);
          count += rootFieldsOf(fragment.selectionSet, seen);
        }
      }
    }
    return count;
  };

  let aliases = 0;
  const countAliases = (set: SelectionSetNode): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD && sel.alias) aliases++;
      if (sel.kind !== Kind.FRAGMENT_SPREAD && sel.selectionSet) countAliases(sel.selectionSet);
    }
  };

  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) countAliases(def.selectionSet);
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    countAliases(def.selectionSet);
    const depth = depthOf(def.selectionSet);
    if (depth > limits.maxDepth) {
      return {
        code: OperationLimitCode.QUERY_TOO_DEEP,
        message: `the query nests fields ${Number.isFinite(depth) ? `${depth} levels` : 'without end (a fragment spreads itself)'} deep, more than ${limits.maxDepth}: ask for less nesting`,
        limit: limits.maxDepth,
      };
    }
    const roots = rootFieldsOf(def.selectionSet, new Set());
    if (roots > limits.maxRootFields) {
      return {
        code: OperationLimitCode.QUERY_TOO_MANY_ROOT_FIELDS,
        message: `the operation asks for ${roots} root fields, more than ${limits.maxRootFields}: split it into several operations`,
        limit: limits.maxRootFields,
      };
    }
  }
  if (aliases > limits.maxAliases) {
    return {
      code: OperationLimitCode.QUERY_TOO_MANY_ALIASES,
      message: `the query uses ${aliases} aliases, more than ${limits.maxAliases}: ask for a list in one field, or split the query`,
      limit: limits.maxAliases,
    };
  }
  return null;
}
