// Proposals saved to finish later (the platform's moderation drafts, collection `atlas.initiatives`):
// private to their author, kept as typed, resumed on the page they came from.
import type { RequestContext } from '../../../platform/kernel/context.ts';
import * as moderation from '../../../platform/moderation/moderation.service.ts';
import { initiativeProposals } from './initiative-proposals.ts';

export type { DraftValues } from '../../../platform/moderation/moderation.service.ts';

/** Saves the form as typed (a new draft, or over the author's own draft `draftId`); returns the draft's id. */
export function saveDraft(ctx: RequestContext, input: { draftId?: string | null; resumePath: string; values: moderation.DraftValues }) {
	return moderation.saveDraft(ctx, initiativeProposals, input);
}

/** The author's own draft (anyone else's: not found). */
export function getDraft(ctx: RequestContext, id: string) {
	return moderation.getDraft(ctx, initiativeProposals, id);
}

/** The author's drafts, last saved first. */
export function listDrafts(ctx: RequestContext) {
	return moderation.listDrafts(ctx, initiativeProposals);
}

/** Removes the author's draft (once its proposal is sent, or when they discard it). */
export function deleteDraft(ctx: RequestContext, id: string) {
	return moderation.deleteDraft(ctx, initiativeProposals, id);
}
