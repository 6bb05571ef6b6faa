import { hasScope, Identity, intFromEnv, Scope } from '../../kit';

/** Groups smaller than this many declarations are withheld from callers without `trade:read`. */
export const DEFAULT_CLEARANCE_STATS_MIN_GROUP = 5;

/**
 * The smallest group of `clearanceStats` a caller is shown. Statistics are public, but a group of
 * one or two declarations would single out an enterprise's trade: below
 * `CLEARANCE_STATS_MIN_GROUP` (default 5) a group is left out of the answer, unless the caller
 * holds `trade:read` (who may read the declarations themselves). Read at each call, so an operator's
 * change applies on restart and a test can set it.
 */
export function minimumStatsGroup(identity: Identity): number {
  if (hasScope(identity, Scope.TRADE_READ)) return 1;
  return intFromEnv('CLEARANCE_STATS_MIN_GROUP', DEFAULT_CLEARANCE_STATS_MIN_GROUP);
}
