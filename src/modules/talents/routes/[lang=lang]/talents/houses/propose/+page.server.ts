import { newEntryPage } from '#modules/talents/directories/proposal-pages.ts';

/** Propose a new house of Moroccans of the world or MRE desk (`?kind=`; `?from=`: a proposal sent back). */
export const { load, actions } = newEntryPage('houses');
