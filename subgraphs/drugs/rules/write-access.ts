import type { WriteAuthorization } from '../../kit';
import type { Loaders } from '../loaders';

/**
 * Drugs' writes beyond `drugs:write` (kit `authorizeWrite`): a qualified drug import agent (the
 * seed's "centrally submitting" agents, in `agent_qualification`) opens, fills and submits its
 * own consolidated imports with its own identity. Every other drugs write needs `drugs:write`.
 */

/** The agent opening an import, if it is a qualified agent. */
export function asQualifiedAgent(loaders: Loaders, agentUscc: string): WriteAuthorization {
  return {
    what: 'a qualified agent opens its own consolidated imports',
    actingFor: async () =>
      (await loaders.agentQualificationByUscc.load(agentUscc)) ? agentUscc : null,
  };
}

/** The agent of an existing import, if it is (still) a qualified agent. */
export function asImportAgent(loaders: Loaders, consolidatedImportId: string): WriteAuthorization {
  return {
    what: 'a qualified agent works on its own consolidated imports',
    actingFor: async () => {
      const existing = await loaders.consolidatedImportById.load(consolidatedImportId);
      if (!existing) return null;
      return (await loaders.agentQualificationByUscc.load(existing.agentUscc))
        ? existing.agentUscc
        : null;
    },
  };
}
