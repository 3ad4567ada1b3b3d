import type { PersonData } from '../../../shared/domain/person';

/**
 * The fields only Rapport has, as vCard properties of their own (docs/EXPORT.md): other address
 * books keep X- properties they do not know and show none of them, and Rapport reads them back,
 * so a vCard round trip keeps how we met, how to introduce them and the rest.
 */
export const RAPPORT_PROPERTIES = {
  howWeMet: 'X-RAPPORT-HOW-WE-MET',
  introduceAs: 'X-RAPPORT-INTRODUCE-AS',
  desiredResults: 'X-RAPPORT-DESIRED-RESULTS',
  theirWork: 'X-RAPPORT-THEIR-WORK',
  boundaries: 'X-RAPPORT-BOUNDARIES',
} as const satisfies Partial<Record<keyof PersonData, string>>;
