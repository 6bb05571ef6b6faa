import type { WriteAuthorization } from '../../kit';

/**
 * Customs' writes beyond `customs:write` (kit `authorizeWrite`): an enterprise files its own
 * declarations, as their declarant, and submits the special-goods applications of its
 * consolidated imports (a qualified drug import agent, the seed's "centrally submitting" agents:
 * that the import exists and is the applicant's is checked with the drugs agency through the
 * gateway, so only an agent gets further). Every other customs write needs `customs:write`.
 */
export function asDeclarant(declarantUscc: string): WriteAuthorization {
  return {
    what: `a declaration is filed by its declarant, here ${declarantUscc}`,
    actingFor: () => declarantUscc,
  };
}

export function asApplyingAgent(
  applicantUscc: string,
  consolidatedImportId: string | null,
): WriteAuthorization {
  return {
    what: `an agent submits the applications of its own consolidated imports, here ${applicantUscc}`,
    actingFor: () => (consolidatedImportId === null ? null : applicantUscc),
  };
}
