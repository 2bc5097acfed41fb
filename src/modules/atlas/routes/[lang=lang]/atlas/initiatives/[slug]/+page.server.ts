import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { translate } from '#platform/i18n/translator.ts';
import { can } from '#platform/policy/policy.ts';
import { getInitiative, setGoodPractice } from '#modules/atlas/initiative.service.ts';
import { listMessages, listVersions, postMessage, restoreVersion } from '#modules/atlas/moderation/moderation.service.ts';
import { mapPoint, provinceGeometry, regionGeometry } from '#platform/geo/geometry/index.ts';
import { communeAttribution } from '#platform/geo/communes.ts';
import { regionName } from '#modules/atlas/import/iati/codes.ts';
import { backlinksTo, linkValue } from '#platform/kernel/links.ts';

export async function load({ params, locals }) {
	const app = await getApp();
	const initiative = await getInitiative(app.database.db, params.slug).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const history = await listVersions(app.database.db, initiative.id);
	const canDiscuss = can(locals.actor, 'atlas.discuss');
	const highlight = initiative.provinces.length ? initiative.provinces.map((entry) => entry.iso) : initiative.regions.map((entry) => entry.iso);
	return {
		initiative,
		versions: history.versions.map((version) => ({
			...version,
			changes: version.changes.map((field) => translate(locals.language, `atlas_moderation.field_${field}`))
		})),
		// other modules' records that say they belong to this initiative (Welcome's programmes…)
		backlinks: await backlinksTo(app.database.db, linkValue('atlas.initiative', initiative.slug)),
		canPropose: can(locals.actor, 'atlas.propose'),
		canModerate: can(locals.actor, 'atlas.moderate'),
		messages: canDiscuss ? await listMessages(requestContext(app, locals), initiative.id) : null,
		// IATI's region names exist in French and English: Arabic pages show the English, marked as such
		recipientRegions: initiative.recipientRegions.map((region) => {
			const lang = locals.language === 'fr' ? 'fr' : 'en';
			const name = (region.vocabulary === '1' ? regionName(region.code, lang) : null) ?? region.code;
			return { ...region, name, lang };
		}),
		map: {
			regions: regionGeometry,
			provinces: initiative.provinces.length ? provinceGeometry : undefined,
			highlight,
			// its communes and its own points as dots (the communes' points are OpenStreetMap's: credited)
			points: [
				...initiative.communes.flatMap((commune) => (commune.lat != null && commune.lon != null ? [mapPoint(commune.lat, commune.lon)] : [])),
				...initiative.points.map((point) => mapPoint(point.lat, point.lon))
			],
			attribution: initiative.communes.length ? [...regionGeometry.attribution, communeAttribution[1]] : regionGeometry.attribution
		}
	};
}

export const actions = {
	goodPractice: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const mark = data.get('mark') === 'on';
		const reason = { fr: String(data.get('reason_fr') ?? ''), ar: String(data.get('reason_ar') ?? ''), en: String(data.get('reason_en') ?? '') };
		try {
			await setGoodPractice(requestContext(app, locals), params.slug, mark ? reason : null);
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: mark ? 'atlas.good_practice_marked' : 'atlas.good_practice_removed' };
	},
	discuss: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await postMessage(requestContext(app, locals), params.slug, String(data.get('body') ?? ''));
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: 'moderation.discussion_sent' };
	},
	restore: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const number = Number(data.get('number'));
		const expected = Number(data.get('expectedVersion'));
		try {
			const restored = await restoreVersion(requestContext(app, locals), params.slug, number, {
				expectedVersion: Number.isInteger(expected) ? expected : undefined,
				comment: translate(locals.language, 'atlas_moderation.restore_comment', { number })
			});
			return { done: 'atlas_moderation.restore_done', number, version: restored.version };
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict' && failure.extra?.reason === 'stale_version') {
				return fail(409, { errors: { '': translate(locals.language, 'atlas_moderation.error_stale', { current: Number(failure.extra.currentVersion) }) } });
			}
			return formFailureFrom(locals.language, failure, data);
		}
	}
};
