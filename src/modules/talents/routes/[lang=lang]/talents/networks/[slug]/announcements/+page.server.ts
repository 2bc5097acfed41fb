import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { getNetworkPage } from '#modules/talents/networks.service.ts';
import { listAnnouncements, postAnnouncement } from '#modules/talents/announcements.service.ts';
import { unpublishNews } from '#modules/talents/news.service.ts';

/** A coordinator of another network reaches the route (the grant opens it) but is refused here. */
const refused = (failure: unknown): never => {
	if (isAppError(failure) && (failure.code === 'forbidden' || failure.code === 'not_found')) error(failure.code === 'forbidden' ? 403 : 404, failure.code);
	throw failure;
};

export async function load({ params, locals }) {
	const app = await getApp();
	const past = await listAnnouncements(requestContext(app, locals), params.slug).catch(refused);
	const { network, members } = await getNetworkPage(app.database.db, params.slug);
	return {
		slug: network.slug,
		name: pickText(network.name, locals.language),
		members,
		announcements: past.map((entry) => ({ id: entry.id, subject: pickText(entry.subject, locals.language), createdAt: entry.createdAt.toISOString(), recipients: entry.recipients, published: entry.published }))
	};
}

export const actions = {
	send: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		const field = (name: string) => String(data.get(name) ?? '');
		const raw = {
			subject: { fr: field('subject_fr'), ar: field('subject_ar'), en: field('subject_en') },
			body: { fr: field('body_fr'), ar: field('body_ar'), en: field('body_en') },
			publish: field('publish')
		};
		try {
			await postAnnouncement(requestContext(app, locals), params.slug, raw, app.queue);
		} catch (failure) {
			if (isAppError(failure) && failure.code !== 'invalid_input') refused(failure);
			const result = formFailureFrom(locals.language, failure, data);
			// service paths (subject.fr) → the form's fields (subject_fr)
			const errors = Object.fromEntries(Object.entries(result.data.errors).map(([path, message]) => [path.replace('.', '_'), message]));
			return fail(result.status, { ...result.data, errors });
		}
		return { done: 'announcement_sent' };
	},
	// a coordinator takes a published news item off the network's public page (the members keep the announcement)
	unpublish: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		await unpublishNews(requestContext(app, locals), params.slug, String(data.get('announcement') ?? '')).catch(refused);
		return { done: 'unpublished' };
	}
};
