import { redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom, localiseProblems } from '#platform/http/form.ts';
import { fieldProblems } from '#platform/http/validation.ts';
import { countryOptions } from '#platform/geo/countries.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { ChecklistAnswers } from '#modules/return/return.schemas.ts';
import { buildChecklist, getSavedChecklist, saveChecklist, tickChecklistStep } from '#modules/return/checklist.ts';

const answerKeys = ['profile', 'hostCountry', 'region', 'children', 'retiring', 'investing'] as const;

/**
 * The questions and, once answered (a GET form: no account needed, the address can be printed or
 * shared), the checklist. Signed in, with no answers in the address, the saved checklist shows.
 */
export async function load({ locals, url }) {
	const ctx = requestContext(await getApp(), locals);
	const canKeep = ctx.can('return.checklist.keep');
	const saved = canKeep && ctx.actor ? await getSavedChecklist(ctx.db, ctx.actor.userId) : null;
	const asked = url.searchParams.has('asked') || url.searchParams.has('profile');
	const query = Object.fromEntries(answerKeys.filter((key) => url.searchParams.has(key)).map((key) => [key, url.searchParams.get(key)]));
	let answers = null;
	let errors: Record<string, string> = {};
	if (asked) {
		const parsed = ChecklistAnswers.safeParse(query, { reportInput: true });
		if (parsed.success) answers = parsed.data;
		else errors = localiseProblems(ctx.language, fieldProblems(parsed.error.issues));
	} else if (saved) {
		answers = saved.answers;
	}
	const showingSaved = !!saved && !!answers && JSON.stringify(saved.answers) === JSON.stringify(answers);
	return {
		countries: countryOptions(ctx.language),
		regions: regionChoices(ctx.language),
		values: answers ?? { profile: query.profile ?? undefined, hostCountry: query.hostCountry ?? undefined, region: query.region ?? undefined, children: false, retiring: false, investing: false },
		errors,
		phases: answers ? buildChecklist(answers) : null,
		canKeep,
		signedIn: !!ctx.actor,
		showingSaved,
		ticked: showingSaved ? saved!.ticked : [],
		status: url.searchParams.get('status')
	};
}

export const actions = {
	save: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		try {
			await saveChecklist(ctx, Object.fromEntries(data));
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/return/checklist?status=saved`);
	},
	tick: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const step = String(data.get('step') ?? '');
		const done = data.get('done') === '1';
		try {
			await tickChecklistStep(ctx, step, done);
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/return/checklist#step-${step}`);
	}
};
