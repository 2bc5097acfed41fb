import { redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { AppError } from '#platform/http/app-error.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { spokenLanguageOptions } from '#platform/i18n/spoken-languages.ts';
import { canEditEntryOf, getDirectoryEntry, setDirectoryEntryStatus, updateDirectoryEntry } from '#platform/directory/directory.service.ts';
import { NetworkServiceForm } from '#modules/return/return.schemas.ts';
import { returnServices, serviceOwners } from '#modules/return/network.ts';

/** A member's service, edited by its organisation's people or the secretariat; archived to leave the finder. */
export async function load({ locals, params }) {
	const ctx = requestContext(await getApp(), locals);
	const { entry, organisation } = await forPage(async () => {
		const found = await getDirectoryEntry(ctx.db, returnServices, params.id, ctx.actor);
		if (!canEditEntryOf(ctx.actor, returnServices, found.entry.organisationId)) throw new AppError('forbidden');
		return found;
	});
	const values: Record<string, string> = { organisationId: entry.organisationId, email: entry.email ?? '', phone: entry.phone ?? '', website: entry.website ?? '' };
	for (const lang of ['fr', 'ar', 'en'] as const) {
		values[`name_${lang}`] = entry.name[lang] ?? '';
		values[`description_${lang}`] = entry.description[lang] ?? '';
	}
	const owners = await serviceOwners(ctx);
	if (!owners.some((owner) => owner.value === organisation.id)) owners.unshift({ value: organisation.id, label: organisation.name });
	return {
		id: entry.id,
		status: entry.status,
		values,
		lists: { services: entry.services, regions: entry.regions, languages: entry.languages },
		owners,
		regions: regionChoices(ctx.language),
		languages: spokenLanguageOptions(ctx.language)
	};
}

export const actions = {
	save: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const parsed = parseForm(ctx.language, NetworkServiceForm, data);
		if (!parsed.ok) return parsed.failure;
		try {
			await updateDirectoryEntry(ctx, returnServices, params.id, parsed.data);
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		// back to the finder, filtered so that the service just saved shows
		redirect(303, `/${ctx.language}/return/services?added=1&region=${parsed.data.regions[0]}&stage=${parsed.data.services[0]}`);
	},
	archive: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		try {
			await setDirectoryEntryStatus(ctx, returnServices, params.id, data.get('restore') === '1' ? 'active' : 'archived');
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/return/services/${params.id}/edit`);
	}
};
