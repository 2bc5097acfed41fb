import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { countryName } from '#platform/geo/countries.ts';
import { splitItems } from '#platform/http/form.ts';
import { addCandidates, campaignAccess, campaignChoices, campaignProgress, quotaChanges, reallocate, setCampaignStatus, sourcingAgencies } from '#modules/jobs/placement/campaigns.service.ts';

const conflicts = { campaign_closed: 'campaigns.campaign_closed' };

/** A campaign: progress per agency and overall, reallocations (the division), adding the people an agency sourced. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	let access;
	try {
		access = await campaignAccess(ctx, params.id);
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
	const manage = access.agencyIds === null && ctx.can('placement.campaign.manage');
	const [progress, changes, agencies, choices] = await Promise.all([campaignProgress(ctx, access), manage ? quotaChanges(ctx, access) : [], sourcingAgencies(access), manage ? campaignChoices(ctx) : null]);
	const { campaign } = access;
	return {
		campaign: {
			id: campaign.id,
			title: campaign.title,
			lang: campaign.lang,
			country: countryName(campaign.hostCountry, locals.language),
			region: campaign.hostRegion,
			channel: campaign.channel,
			positions: campaign.positions,
			seasonStartsOn: campaign.seasonStartsOn,
			seasonEndsOn: campaign.seasonEndsOn,
			status: campaign.status,
			pipelineDeletedAt: campaign.pipelineDeletedAt?.toISOString() ?? null,
			isSample: campaign.isSample
		},
		progress,
		changes: changes.map((change) => ({ ...change, at: change.at.toISOString() })),
		agencies,
		openAgencies: choices?.agencies ?? [],
		manage,
		done: url.searchParams.get('done')
	};
}

export const actions = {
	add: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => addCandidates(ctx, params.id, { agencyId: data.get('agencyId') ?? '', emails: splitItems(data.get('emails')) }), {
			done: (result) => ({ added: result }),
			conflicts
		});
	},
	reallocate: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => reallocate(ctx, params.id, Object.fromEntries(['fromAgencyId', 'toAgencyId', 'positions', 'reason'].map((key) => [key, data.get(key) ?? '']))), {
			done: () => ({ reallocated: true }),
			conflicts
		});
	},
	status: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => setCampaignStatus(ctx, params.id, { status: data.get('status') }), { done: () => ({ statusChanged: true }) });
	}
};
