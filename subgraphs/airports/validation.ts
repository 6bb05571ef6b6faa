import { badUserInput, checkAwb, normalizeAwb, notFound } from '../kit';
import { Context } from './context';
import { Facility, FacilityStatus } from './entities/facility';

/**
 * Checks of mutation inputs shared by the airports mutations. Each failure is BAD_USER_INPUT (or
 * NOT_FOUND for a reference to nothing) with `extensions.field` naming the input field.
 */

export const MAX_TEXT_LENGTH = 500;

/** A valid AWB in display form `PPP-SSSSSSSC`. */
export function validAwb(value: string, field: string): string {
  const reason = checkAwb(value);
  if (reason !== null) throw badUserInput(reason, field);
  return normalizeAwb(value)!;
}

/** Optional free text: trimmed, empty as null, at most MAX_TEXT_LENGTH characters. */
export function optionalText(value: string | null | undefined, field: string): string | null {
  const text = value?.trim() ?? '';
  if (text.length > MAX_TEXT_LENGTH) {
    throw badUserInput(`at most ${MAX_TEXT_LENGTH} characters, got ${text.length}`, field);
  }
  return text.length ? text : null;
}

export function assertPositiveInteger(value: number, field: string, what: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw badUserInput(`${what} must be a whole number of at least 1, got ${value}`, field);
  }
}

export function assertPositive(value: number, field: string, what: string): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw badUserInput(`${what} must be more than 0, got ${value}`, field);
  }
}

/** The facility `id`, or NOT_FOUND naming `field`. */
export async function existingFacility(ctx: Context, id: string, field: string): Promise<Facility> {
  const facility = id.length <= 100 ? await ctx.loaders.facilityById.load(id) : null;
  if (!facility) throw notFound(`no facility has the id "${id}"`, field);
  return facility;
}

/**
 * Cargo at `airport` may be handled at the facility: it belongs to that airport and is
 * OPERATIONAL (else BAD_USER_INPUT). OPERATIONAL is final, so the answer cannot change before the
 * write.
 */
export function assertReceivesCargo(facility: Facility, airport: string, field: string): void {
  if (facility.airportIata !== airport) {
    throw badUserInput(
      `facility ${facility.id} is at ${facility.airportIata}, not at ${airport} where the cargo is`,
      field,
    );
  }
  if (facility.status !== FacilityStatus.OPERATIONAL) {
    throw badUserInput(
      `facility ${facility.id} is ${facility.status}: only OPERATIONAL facilities receive cargo`,
      field,
    );
  }
}
