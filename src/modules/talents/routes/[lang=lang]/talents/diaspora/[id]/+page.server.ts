import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { countryOptions } from '#platform/geo/countries.ts';
import { getDiasporaFigure, removeDiasporaFigure, updateDiasporaFigure } from '#modules/talents/diaspora.service.ts';
import { figureForm } from '#modules/talents/diaspora-form.ts';

export async function load({ locals, params }) {
	const app = await getApp();
	try {
		const figure = await getDiasporaFigure(requestContext(app, locals), params.id);
		return { figure, countryOptions: countryOptions(locals.language).filter((option) => option.value !== 'MA') };
	} catch (failure) {
		if (isAppError(failure)) error(failure.status, failure.code);
		throw failure;
	}
}

export const actions = {
	save: async ({ locals, params, request }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await updateDiasporaFigure(requestContext(app, locals), params.id, figureForm(data));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			const result = formFailureFrom(locals.language, failure, data);
			return fail(result.status, result.data);
		}
		return { done: 'figure_saved' };
	},
	remove: async ({ locals, params }) => {
		const app = await getApp();
		try {
			await removeDiasporaFigure(requestContext(app, locals), params.id);
		} catch (failure) {
			if (isAppError(failure)) error(failure.status, failure.code);
			throw failure;
		}
		redirect(303, `/${locals.language}/talents/diaspora?done=figure_removed`);
	}
};
