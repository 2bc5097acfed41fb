// The campaigns' and pipeline's forms (no JavaScript needed): what their fields send, turned into the
// services' inputs, and the controlled lists named in the page's language. Kept out of the route files.
import { error, fail } from '@sveltejs/kit';
import { countryOptions } from '../../../platform/geo/countries.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { rowsOf } from '../../../platform/ui/pickers/rows.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { placementChannels } from '../job-offer.model.ts';
import { exitReasons, pipelineBlocks, stagesOf, trackOf } from './campaigns.model.ts';
import { campaignChoices } from './campaigns.service.ts';
import type { PlacementCampaignRecord } from './campaigns.table.ts';
import { formObject } from './placement-forms.ts';

const one = (value: unknown) => (Array.isArray(value) ? String(value[0] ?? '') : String(value ?? ''));

export const campaignRowFields = { quotas: ['agencyId', 'positions'] } as const;

/** The campaign form's fields → the service's input (rows left blank are dropped). */
export function campaignInputFrom(data: FormData) {
	const values = formObject(data);
	return {
		title: one(values.title),
		lang: one(values.lang) || 'fr',
		hostCountry: one(values.hostCountry),
		hostRegion: one(values.hostRegion),
		channel: one(values.channel),
		offerId: one(values.offerId),
		agreementId: one(values.agreementId),
		positions: one(values.positions),
		seasonStartsOn: one(values.seasonStartsOn),
		seasonEndsOn: one(values.seasonEndsOn),
		quotas: rowsOf(values, 'quotas', campaignRowFields.quotas)
	};
}

/** The campaign change form's fields → the service's input. */
export function campaignEditInputFrom(data: FormData) {
	const values = formObject(data);
	return { title: one(values.title), lang: one(values.lang) || 'fr', positions: one(values.positions), offerId: one(values.offerId), agreementId: one(values.agreementId) };
}

/** The campaign form's lists: host countries, channels, offers abroad and agreements (with their country), open agencies. */
export async function campaignFormChoices(ctx: RequestContext, language: Language) {
	const { offers, agreements, agencies } = await campaignChoices(ctx);
	const t = (key: string) => translate(language, key);
	return {
		countries: countryOptions(language).filter((option) => option.value !== 'MA'),
		channels: placementChannels.filter((value) => value !== 'individual').map((value) => ({ value, label: t(`placement.channel_${value}`) })),
		// titles in their own language (the option's lang), the host country apart in the hint
		offers: offers.map((row) => ({ value: row.id, label: row.title, lang: row.lang === language ? undefined : row.lang, hostCountry: row.hostCountry })),
		agreements: agreements.map((row) => ({ value: row.id, label: row.title, lang: row.lang === language ? undefined : row.lang, hostCountry: row.hostCountry })),
		agencies: agencies.map((row) => ({ value: row.id, label: row.name }))
	};
}

/**
 * Opening an offer's pipeline refused, as its page shows it (a message at its top, nothing written): not allowed
 * 403, an offer that is not individual, not open or already has its campaign 409 with the reason in plain words,
 * an agreement that ended since the offer was written 400; an unknown offer is a 404 page.
 */
export function pipelineRefusal(language: Language, failure: unknown) {
	if (!isAppError(failure)) throw failure;
	if (failure.code === 'not_found') error(404, 'not_found');
	const reason = String(failure.extra?.reason ?? '');
	const key = (pipelineBlocks as readonly string[]).includes(reason)
		? `campaigns.pipeline_${reason}`
		: failure.fields.some((field) => field.path === 'agreementId')
			? 'campaigns.pipeline_agreement'
			: `errors.${failure.code}`;
	return fail(failure.status, { errors: { '': translate(language, key, failure.values) } });
}

/** The move form's fields → the service's input (the ticked boxes are `candidateIds`). */
export function moveInputFrom(data: FormData) {
	return {
		candidateIds: data.getAll('candidateIds').map(String),
		to: String(data.get('to') ?? ''),
		exitReason: String(data.get('exitReason') ?? ''),
		eventOn: String(data.get('eventOn') ?? ''),
		eligibleNextSeason: data.get('eligibleNextSeason') === 'on',
		announce: data.get('announce') === 'on'
	};
}

/** The stages of a campaign's track, the move targets (the stages, then "left"), the exit reasons — named in the page's language. */
export function pipelineLists(language: Language, campaign: PlacementCampaignRecord) {
	const t = (key: string) => translate(language, key);
	const stages = stagesOf(trackOf(campaign.channel));
	return {
		stages: stages.map((value) => ({ value, label: t(`campaigns.stage_${value}`) })),
		targets: [...stages.filter((stage) => stage !== 'registered'), 'exited' as const].map((value) => ({ value, label: t(`campaigns.stage_${value}`) })),
		exitReasons: exitReasons.map((value) => ({ value, label: t(`campaigns.exit_${value}`) })),
		statuses: (['active', 'exited', 'all'] as const).map((value) => ({ value, label: t(`campaigns.status_${value}`) }))
	};
}


/** The candidates as CSV rows, header in the page's language; stages and reasons as their codes (stable for tools). */
export function candidateCsvRows(
	rows: { id: string; name: string; email: string; agencyName: string | null; stage: string; stageOn: string | null; exitReason: string | null; eligibleNextSeason: boolean | null; stageChangedAt: Date }[],
	language: Language
) {
	const header = ['id', 'name', 'email', 'agency', 'stage', 'stage_on', 'exit_reason', 'eligible', 'changed_at'].map((key) => translate(language, `campaigns.csv_${key}`));
	return [
		header,
		...rows.map((row) => [row.id, row.name, row.email, row.agencyName ?? '', row.stage, row.stageOn ?? '', row.exitReason ?? '', row.eligibleNextSeason === null ? '' : String(row.eligibleNextSeason), row.stageChangedAt.toISOString()])
	];
}
