import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { linkChoices } from '#platform/kernel/links.ts';
import { spokenLanguageOptions } from '#platform/i18n/spoken-languages.ts';
import { INITIATIVE_KIND, ownedMission, pendingChanges, proposeMissionChange } from '#modules/talents/missions/missions.service.ts';
import { formValuesOf, missionFailure, missionFromForm } from '#modules/talents/missions/missions-pages.ts';
import { missionLanguageRows, type MissionData } from '#modules/talents/missions/missions.schemas.ts';
import { occupationChoiceGroups } from '#modules/talents/occupations.ts';

// The owning organisation proposes a change of its published mission: the form prefilled with the current version,
// moderated as a new mission is; published, it becomes the mission's next version.
export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const language = locals.language;
	const row = await ownedMission(ctx, params.slug).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	return {
		mission: { slug: row.slug, version: row.version, status: row.status, title: row.title as Record<string, string> },
		closed: row.status === 'completed' || row.status === 'cancelled',
		pending: await pendingChanges(app.database.db, row.id),
		values: { ...formValuesOf(row as unknown as MissionData), organisationId: row.organisationId, baseVersion: String(row.version) },
		choices: {
			organisations: [{ value: row.organisationId, label: '' }],
			regions: regionChoices(language),
			initiatives: await linkChoices(app.database.db, INITIATIVE_KIND, language),
			occupations: await occupationChoiceGroups(app.database.db, language),
			languages: spokenLanguageOptions(language),
			languageRows: missionLanguageRows
		}
	};
}

export const actions = {
	propose: async ({ request, params, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		const { values, input } = missionFromForm(form);
		const baseVersion = Number(form.get('baseVersion'));
		const kept = { ...values, baseVersion: String(form.get('baseVersion') ?? '') };
		try {
			await proposeMissionChange(ctx, params.slug, input, { baseVersion, comment: String(form.get('comment') ?? ''), notify: notifyOf(app) });
			return { done: 'change_proposed' };
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') {
				const reason = (failure.extra as { reason?: string } | undefined)?.reason;
				return fail(409, { values: kept, errors: { '': translate(locals.language, reason === 'stale_version' ? 'missions_more.error_stale' : 'missions_more.error_closed') } });
			}
			return missionFailure(locals.language, failure, kept);
		}
	}
};
