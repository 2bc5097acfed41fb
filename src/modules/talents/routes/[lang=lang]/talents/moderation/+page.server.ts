import { fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { pendingSkillSuggestions, reviewSkillSuggestion } from '#modules/talents/profile.service.ts';

export async function load({ locals }) {
	const app = await getApp();
	const waiting = await pendingSkillSuggestions(requestContext(app, locals));
	return { suggestions: waiting.map((entry) => ({ id: entry.id, label: entry.label, createdAt: entry.createdAt.toISOString() })) };
}

export const actions = {
	default: async ({ locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		const id = String(data.get('id') ?? '');
		const decision = String(data.get('decision') ?? '');
		if (!/^[0-9a-f-]{36}$/i.test(id) || !['accept', 'reject'].includes(decision)) return fail(400, { errors: { '': translate(locals.language, 'errors.invalid_input') } });
		try {
			await reviewSkillSuggestion(requestContext(app, locals), id, decision === 'accept');
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') return fail(404, { errors: { '': translate(locals.language, 'talents.request_gone') } });
			throw failure;
		}
		return { done: decision === 'accept' ? 'skill_accepted' : 'skill_rejected' };
	}
};
