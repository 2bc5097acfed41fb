import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom, formValues } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { countryName } from '#platform/geo/countries.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { crisisBySlug, register } from '#modules/return/crisis/crisis.service.ts';
import { crisisNeeds } from '#modules/return/crisis/crisis.model.ts';


export async function load({ params, locals, setHeaders }) {
	setHeaders({ 'cache-control': 'no-store' });
	const row = await crisisBySlug((await getApp()).database.db, params.slug);
	if (!row) error(404, 'not_found');
	return {
		crisis: { slug: row.slug, title: pickText(row.title, locals.language), open: row.status === 'open', contacts: Object.keys(row.contacts).length ? pickText(row.contacts, locals.language) : null },
		countries: row.countries.map((code) => ({ value: code, label: countryName(code, locals.language) })),
		needs: [...crisisNeeds]
	};
}

export const actions = {
	default: async ({ request, locals, params, url }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		try {
			const done = await register(ctx, params.slug, { ...Object.fromEntries(data), needs: data.getAll('needs') });
			return { reference: done.reference, safeLink: `${ctx.publicUrl || url.origin}/${ctx.language}/return/crisis/safe/${done.token}` };
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			if (isAppError(failure) && failure.extra?.reason === 'crisis_closed') return fail(409, { values: formValues(data), errors: { '': translate(ctx.language, 'return.crisis_closed_notice') } });
			const refused = formFailureFrom(ctx.language, failure, data);
			const errors = refused.data.errors as Record<string, string>;
			// nobody can be helped without a way to reach them: say it plainly
			if (errors.phone && !String(data.get('phone') ?? '').trim() && !String(data.get('email') ?? '').trim()) errors.phone = translate(ctx.language, 'return.crisis_error_contact');
			return refused;
		}
	}
};
