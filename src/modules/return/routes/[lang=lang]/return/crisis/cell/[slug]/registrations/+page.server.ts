import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { countryName } from '#platform/geo/countries.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { crisisFormAction } from '#modules/return/crisis/crisis-forms.ts';
import { crisisNeeds, registrationStatuses } from '#modules/return/crisis/crisis.model.ts';
import { assignRegistration, listRegistrations, mergeRegistration, relayChoices, setRegistrationStatus } from '#modules/return/crisis/crisis.service.ts';

const FILTERS = ['status', 'need', 'city', 'relay', 'page'] as const;

/** A crisis's registrations (filters, one page), for the cell or a relay: an audited read. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const query = Object.fromEntries(FILTERS.map((name) => [name, url.searchParams.get(name) ?? undefined]));
	let invalid = false;
	const listed = await forPage(
		listRegistrations(ctx, params.slug, query).catch((failure) => {
			// a filter the page never offers (an edited address): the whole list, and a notice
			if (!isAppError(failure) || failure.code !== 'invalid_input') throw failure;
			invalid = true;
			return listRegistrations(ctx, params.slug, {});
		})
	);
	const { crisis } = listed;
	return {
		invalid,
		canManage: listed.canManage,
		crisis: { slug: crisis.slug, title: pickText(crisis.title, locals.language), status: crisis.status },
		filters: listed.filters,
		total: listed.total,
		pageSize: listed.pageSize,
		search: url.search,
		statuses: [...registrationStatuses],
		needs: [...crisisNeeds],
		relays: listed.canManage ? await relayChoices(ctx, params.slug) : [],
		items: listed.items.map((item) => ({
			id: item.id,
			reference: item.reference,
			name: item.name,
			peopleCount: item.peopleCount,
			byRelative: item.byRelative,
			relativeName: item.relativeName,
			phone: item.phone,
			email: item.email,
			country: countryName(item.country, locals.language),
			city: item.city,
			needs: item.needs,
			notes: item.notes,
			status: item.status,
			next: item.next,
			relayOrganisationId: item.relayOrganisationId,
			relayName: item.relayName,
			lastSafeAt: item.lastSafeAt?.toISOString() ?? null,
			createdAt: item.createdAt.toISOString(),
			sameContact: item.sameContact
		}))
	};
}

type Event = { request: Request; locals: App.Locals; params: { slug: string } };
const contextOf = async (locals: App.Locals) => requestContext(await getApp(), locals);
const field = (data: FormData, name: string) => String(data.get(name) ?? '');

export const actions = {
	status: async ({ request, locals, params }: Event) => {
		const ctx = await contextOf(locals);
		const data = await request.formData();
		return crisisFormAction(ctx, data, () => setRegistrationStatus(ctx, params.slug, field(data, 'registrationId'), { status: data.get('status') }), 'status_saved');
	},
	assign: async ({ request, locals, params }: Event) => {
		const ctx = await contextOf(locals);
		const data = await request.formData();
		return crisisFormAction(ctx, data, () => assignRegistration(ctx, params.slug, field(data, 'registrationId'), { relayOrganisationId: data.get('relayOrganisationId') }), 'assigned');
	},
	merge: async ({ request, locals, params }: Event) => {
		const ctx = await contextOf(locals);
		const data = await request.formData();
		return crisisFormAction(ctx, data, () => mergeRegistration(ctx, params.slug, field(data, 'registrationId'), field(data, 'keptId')), 'merged');
	}
};
