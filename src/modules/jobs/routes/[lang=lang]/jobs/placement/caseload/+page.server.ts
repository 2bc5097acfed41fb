import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { countryName } from '#platform/geo/countries.ts';
import { translate } from '#platform/i18n/translator.ts';
import { pipelineStages } from '#modules/jobs/placement/campaigns.model.ts';
import { mobilityNeedKinds } from '#modules/jobs/placement/mobility.model.ts';
import { listCaseload, qualifiedCampaigns, takeCandidate } from '#modules/jobs/placement/mobility.service.ts';

const filterKeys = ['show', 'need', 'stage', 'offer', 'appointments'] as const;

/** A mobility counsellor's qualified candidates (or those without a counsellor, or all for the division), filtered. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const language = locals.language;
	const filter = Object.fromEntries(filterKeys.map((key) => [key, url.searchParams.get(key) ?? '']));
	try {
		const [list, campaigns] = await Promise.all([listCaseload(ctx, filter), qualifiedCampaigns(ctx.db)]);
		return {
			show: list.show,
			division: list.division,
			filter: { need: filter.need, stage: filter.stage, offer: filter.offer, appointments: filter.appointments },
			more: list.more,
			items: list.items.map((item) => ({
				...item,
				opportunities: item.opportunities.map((row) => ({ ...row, country: countryName(row.hostCountry, language) }))
			})),
			lists: {
				needs: mobilityNeedKinds.map((kind) => ({ value: kind, label: translate(language, `mobility.need_kind_${kind}`) })),
				stages: pipelineStages.map((stage) => ({ value: stage, label: translate(language, `campaigns.stage_${stage}`) })),
				// a title in its own language (the campaigns' titles name their place)
				offers: campaigns.map((row) => ({ value: row.id, label: row.title, lang: row.lang === language ? undefined : row.lang }))
			}
		};
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'invalid_input') error(400, 'invalid_input');
		throw failure;
	}
}

export const actions = {
	/** the counsellor takes an unassigned candidate */
	take: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => takeCandidate(ctx, String(data.get('personId') ?? '')), {
			done: () => ({ taken: true }),
			conflicts: { already_assigned: 'mobility.error_already_assigned' }
		});
	}
};
