import { correctionPage } from '#modules/talents/directories/proposal-pages.ts';

/** Suggest a correction of a listed entry of this directory (another directory's: not found). */
export const { load, actions } = correctionPage('houses');
