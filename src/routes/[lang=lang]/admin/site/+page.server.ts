import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { getSiteInformation, listContactMessages, markContactMessageHandled, updateSiteInformation } from '#platform/site/site.service.ts';
import { SiteInformationForm } from '#platform/site/site.schemas.ts';
import { accessibilityStatuses } from '#platform/site/site.model.ts';

/** The publisher's details and the contact messages (administrators). */
export async function load({ locals, url }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const messages = await forPage(listContactMessages(ctx));
	return {
		site: await getSiteInformation(app.database.db),
		statuses: [...accessibilityStatuses],
		messages: messages.map((message) => ({ ...message, createdAt: message.createdAt.toISOString(), handledAt: message.handledAt?.toISOString() ?? null })),
		done: url.searchParams.get('done')
	};
}

export const actions = {
	save: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, SiteInformationForm, data);
		if (!parsed.ok) return fail(400, { ...parsed.failure.data, form: 'site' });
		try {
			await updateSiteInformation(requestContext(app, locals), parsed.data);
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/admin/site?done=saved`);
	},
	handle: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await markContactMessageHandled(requestContext(app, locals), String(data.get('id') ?? ''));
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/admin/site?done=handled#messages`);
	}
};
