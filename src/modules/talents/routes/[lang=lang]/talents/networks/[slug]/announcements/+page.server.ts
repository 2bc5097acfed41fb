import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { languageNameIn, pickText } from '#platform/i18n/content-language.ts';
import { languages } from '#platform/i18n/languages.ts';
import { translate } from '#platform/i18n/translator.ts';
import { getNetworkPage } from '#modules/talents/networks.service.ts';
import { listAnnouncements, postAnnouncement } from '#modules/talents/announcements.service.ts';
import { deleteAnnouncement, removeNewsImage, setNewsImage, setNewsPublished } from '#modules/talents/news.service.ts';

/** A coordinator of another network reaches the route (the grant opens it) but is refused here. */
const refused = (failure: unknown): never => {
	if (isAppError(failure) && (failure.code === 'forbidden' || failure.code === 'not_found')) error(failure.code === 'forbidden' ? 403 : 404, failure.code);
	throw failure;
};

export async function load({ params, locals, url }) {
	const app = await getApp();
	const past = await listAnnouncements(requestContext(app, locals), params.slug).catch(refused);
	const { network, members } = await getNetworkPage(app.database.db, params.slug);
	// `?picture=<id>`: the form giving that announcement a picture opens in place (no script needed)
	const picture = url.searchParams.get('picture');
	return {
		slug: network.slug,
		name: pickText(network.name, locals.language),
		members,
		picture: past.some((entry) => entry.id === picture) ? picture : null,
		announcements: past.map((entry) => ({
			id: entry.id,
			subject: pickText(entry.subject, locals.language),
			languages: languages.filter((language) => entry.subject[language]),
			createdAt: entry.createdAt.toISOString(),
			recipients: entry.recipients,
			published: entry.published,
			everPublished: entry.publishedAt !== null,
			image: entry.image ? { width: entry.image.width, height: entry.image.height } : null
		}))
	};
}

/** The file a form sent in `name`, or null when none was chosen. */
async function fileOf(data: FormData, name: string): Promise<Uint8Array | null> {
	const file = data.get(name);
	return file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
}

/**
 * A refused form: the service's paths as the form's fields (`subject.fr` → `subject_fr`, `imageAlt.fr` →
 * `<prefix>_alt_fr`, `image` → `<prefix>`), a refused picture said in plain words.
 */
function refusal(language: App.Locals['language'], failure: unknown, data: FormData, prefix: string, extra: Record<string, unknown> = {}) {
	if (isAppError(failure) && !['invalid_input', 'payload_too_large', 'unsupported_media_type'].includes(failure.code)) refused(failure);
	const result = formFailureFrom(language, failure, data);
	const reason = isAppError(failure) ? String(failure.extra?.reason ?? '') : '';
	const problems = isAppError(failure) ? failure.fields : [];
	const errors = Object.fromEntries(
		Object.entries(result.data.errors).map(([path, message]) => {
			if (path === 'image') return [prefix, reason ? translate(language, `network_news.image_error_${reason}`) : message];
			if (path.startsWith('imageAlt.')) {
				// the description missing in a language the announcement is written in, or given in one it is not
				const code = path.slice('imageAlt.'.length);
				const key = problems.find((problem) => problem.path === path)?.messageKey === 'field_required' ? 'network_news.image_alt_required' : 'network_news.image_alt_stray';
				return [`${prefix}_alt_${code}`, translate(language, key, { language: languageNameIn(code, language) })];
			}
			return [path.replace('.', '_'), message];
		})
	);
	return fail(result.status, { ...result.data, errors, ...extra });
}

export const actions = {
	send: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		const field = (name: string) => String(data.get(name) ?? '');
		const raw = {
			subject: { fr: field('subject_fr'), ar: field('subject_ar'), en: field('subject_en') },
			body: { fr: field('body_fr'), ar: field('body_ar'), en: field('body_en') },
			imageAlt: { fr: field('image_alt_fr'), ar: field('image_alt_ar'), en: field('image_alt_en') },
			publish: field('publish')
		};
		try {
			await postAnnouncement(requestContext(app, locals), params.slug, raw, app.queue, await fileOf(data, 'image'));
		} catch (failure) {
			return refusal(locals.language, failure, data, 'image');
		}
		return { done: 'announcement_sent' };
	},
	// a coordinator gives a past announcement a picture, or changes it (the form opened by `?picture=<id>`)
	picture: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		const id = String(data.get('announcement') ?? '');
		const field = (name: string) => String(data.get(name) ?? '');
		try {
			await setNewsImage(requestContext(app, locals), params.slug, id, (await fileOf(data, 'picture')) ?? new Uint8Array(), { imageAlt: { fr: field('picture_alt_fr'), ar: field('picture_alt_ar'), en: field('picture_alt_en') } });
		} catch (failure) {
			return refusal(locals.language, failure, data, 'picture', { pictureFor: id });
		}
		return { done: 'picture_set' };
	},
	removePicture: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		await removeNewsImage(requestContext(app, locals), params.slug, String(data.get('announcement') ?? '')).catch(refused);
		return { done: 'picture_removed' };
	},
	delete: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		await deleteAnnouncement(requestContext(app, locals), params.slug, String(data.get('announcement') ?? '')).catch(refused);
		return { done: 'deleted' };
	},
	// a coordinator publishes an announcement on the network's public page (later, or again), or takes it off (the members keep it)
	publish: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		await setNewsPublished(requestContext(app, locals), params.slug, String(data.get('announcement') ?? ''), true).catch(refused);
		return { done: 'published' };
	},
	unpublish: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		await setNewsPublished(requestContext(app, locals), params.slug, String(data.get('announcement') ?? ''), false).catch(refused);
		return { done: 'unpublished' };
	}
};
