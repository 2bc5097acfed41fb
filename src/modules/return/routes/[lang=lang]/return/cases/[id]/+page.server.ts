import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import type { RequestContext } from '#platform/kernel/context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { countryName } from '#platform/geo/countries.ts';
import { placeNameIn } from '#platform/geo/place-choices.ts';
import { provinces, regions } from '#platform/geo/morocco.ts';
import { caseFilePage, caseFilePageActions } from '#platform/casework/casework.web.ts';
import { caseSurveys, inviteToSurvey } from '#modules/return/survey.ts';
import { caseCloseReasons, needDimensions, needLevels, planActionStatuses } from '#modules/return/return.model.ts';
import {
	addPlanAction,
	closeReintegrationCase,
	getReintegrationCase,
	recordNeeds,
	reintegrationCaseHeader,
	reintegrationFollowUp,
	setPlanActionStatus,
	OFFER_LINK,
	PROGRAMME_LINK
} from '#modules/return/reintegration.ts';
import { linkChoices, linkKindInstalled } from '#platform/kernel/links.ts';

const notices = ['case_opened', 'needs_saved', 'action_added', 'action_saved', 'case_closed', 'survey_sent', 'survey_not_sent', 'survey_entered'];
/** a refusal's reason → its message */
const conflicts: Record<string, string> = { case_closed: 'return.error_case_closed', survey_answered: 'return.error_survey_answered', survey_not_due: 'return.error_survey_not_due' };

/** A returnee's case file: the case, its needs and plan, and the platform's casework; opening it is an audited read. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const found = await forPage(getReintegrationCase(ctx, params.id));
	const region = regions.find((row) => row.iso === found.case.regionCode);
	const province = provinces.find((row) => row.iso === found.case.provinceCode);
	const { file, ...page } = caseFilePage(ctx, reintegrationFollowUp, found.file, url);
	const done = url.searchParams.get('done') ?? '';
	return {
		...page,
		file,
		done: notices.includes(done) ? done : page.done,
		case: {
			...found.case,
			consentAt: found.case.consentAt.toISOString(),
			closedAt: found.case.closedAt?.toISOString() ?? null,
			hostCountryName: countryName(found.case.hostCountry, locals.language),
			regionName: region ? placeNameIn(region, locals.language) : found.case.regionCode,
			provinceName: province ? placeNameIn(province, locals.language) : null
		},
		operator: found.operator,
		scheme: found.scheme,
		plan: found.plan.map((row) => ({ id: row.id, dimension: row.dimension, action: row.action, owner: row.owner, dueDate: row.dueDate, status: row.status, links: row.links.map(({ kind, label, lang, path }) => ({ kind, label, lang, path })) })),
		// what a plan action may lead to in Jobs, when that module is installed
		programmes: await linkChoices(ctx.db, PROGRAMME_LINK, locals.language),
		offersLinkable: linkKindInstalled(OFFER_LINK),
		dimensions: [...needDimensions],
		levels: [...needLevels],
		planStatuses: [...planActionStatuses],
		closeReasons: [...caseCloseReasons],
		surveys: await caseSurveys(ctx.db, found.case)
	};
}

/** A form of the case: a closed case says so, another operator's case is a 404, else the fields' messages. */
function caseForm(ctx: RequestContext, data: FormData, work: () => Promise<unknown>, done: string | ((result: unknown) => string)) {
	return formAction(ctx.language, data, work, {
		conflicts,
		done: (result) => ({ done: typeof done === 'string' ? done : done(result) }),
		adjust(errors) {
			// the needs form's fields are "economic_level"…, the service's paths "economic.level"
			for (const key of Object.keys(errors)) if (key.includes('.')) errors[key.replace('.', '_')] = errors[key];
			// a pasted address that names no offer: say what to paste
			if (errors.offer) errors.offer = translate(ctx.language, 'return.error_offer_link');
		}
	});
}

type Event = { request: Request; locals: App.Locals; params: { id: string } };
const contextOf = async (locals: App.Locals) => requestContext(await getApp(), locals);

export const actions = {
	needs: async ({ request, locals, params }: Event) => {
		const ctx = await contextOf(locals);
		const data = await request.formData();
		const needs = Object.fromEntries(needDimensions.map((dimension) => [dimension, { level: data.get(`${dimension}_level`), notes: data.get(`${dimension}_notes`) }]));
		return caseForm(ctx, data, () => recordNeeds(ctx, params.id, needs), 'needs_saved');
	},
	planAction: async ({ request, locals, params }: Event) => {
		const ctx = await contextOf(locals);
		const data = await request.formData();
		return caseForm(ctx, data, () => addPlanAction(ctx, params.id, Object.fromEntries(data)), 'action_added');
	},
	planStatus: async ({ request, locals, params }: Event) => {
		const ctx = await contextOf(locals);
		const data = await request.formData();
		return caseForm(ctx, data, () => setPlanActionStatus(ctx, params.id, String(data.get('actionId') ?? ''), { status: data.get('status') }), 'action_saved');
	},
	surveyInvite: async ({ request, locals, params }: Event) => {
		const ctx = await contextOf(locals);
		const data = await request.formData();
		return caseForm(ctx, data, () => inviteToSurvey(ctx, params.id, data.get('round')), (result) => ((result as { sent: boolean }).sent ? 'survey_sent' : 'survey_not_sent'));
	},
	close: async ({ request, locals, params }: Event) => {
		const ctx = await contextOf(locals);
		const data = await request.formData();
		return caseForm(ctx, data, () => closeReintegrationCase(ctx, params.id, { reason: data.get('reason') }), 'case_closed');
	},
	// the casework (notes, appointments, documents, referrals) is kept by person: the case's returnee
	...caseFilePageActions(
		reintegrationFollowUp,
		async ({ locals, params }) => {
			const ctx = await contextOf(locals);
			return { ctx, personId: (await forPage(reintegrationCaseHeader(ctx, params.id))).personId };
		},
		{ documents: true }
	)
};
