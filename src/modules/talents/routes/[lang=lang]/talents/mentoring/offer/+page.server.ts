import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { spokenLanguageOptions } from '#platform/i18n/spoken-languages.ts';
import { myOffer, saveOffer } from '#modules/talents/mentoring/mentoring.service.ts';
import { foldItemErrors, mentoringConflicts, offerFromForm } from '#modules/talents/mentoring/mentoring-pages.ts';
import { occupationChoiceGroups } from '#modules/talents/occupations.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const language = locals.language;
	const mine = await myOffer(requestContext(app, locals));
	return {
		...mine,
		choices: { occupations: await occupationChoiceGroups(app.database.db, language), languages: spokenLanguageOptions(language) }
	};
}

export const actions = {
	save: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => saveOffer(requestContext(app, locals), offerFromForm(data)), {
			done: (saved) => ({ done: saved.status === 'open' ? 'offer_saved' : 'offer_closed' }),
			conflicts: mentoringConflicts,
			adjust: foldItemErrors
		});
	}
};
