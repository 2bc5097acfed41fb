import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { listedEntry } from '#modules/talents/directories/directory-proposals.ts';
import { correctionForm, sendProposal } from '#modules/talents/directories/proposal-pages.ts';

/** The listed entry's kind: an association here, anything else not found. */
async function kindOf(db: Parameters<typeof listedEntry>[0], id: string) {
	const { kind } = await listedEntry(db, id).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	if (kind !== 'association') error(404, 'not_found');
	return kind;
}

/** Suggest a correction of a listed entry: the form holds it as it is now (`?from=`: a proposal sent back). */
export async function load({ params, url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	await kindOf(app.database.db, params.id);
	return correctionForm(requestContext(app, locals), params.id, url.searchParams.get('from'));
}

export const actions = {
	default: async ({ request, params, locals }) => {
		const app = await getApp();
		const form = await request.formData();
		const kind = await kindOf(app.database.db, params.id);
		const answer = await sendProposal(requestContext(app, locals), form, { kind, entryId: params.id }, notifyOf(app));
		if ('failure' in answer) return answer.failure;
		redirect(303, answer.redirect);
	}
};
