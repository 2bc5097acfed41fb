import { newEntryPage } from '#modules/talents/directories/proposal-pages.ts';

/** Propose a new diaspora association (one of the registry, or a new one with its host country; `?from=`: a proposal sent back). */
export const { load, actions } = newEntryPage('associations');
