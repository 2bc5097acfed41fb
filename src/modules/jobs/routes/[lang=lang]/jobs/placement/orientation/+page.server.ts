import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { countryName, countryOptions } from '#platform/geo/countries.ts';
import { createSession, listSessions, sessionAgencies } from '#modules/jobs/placement/orientation.service.ts';

/** Staff's orientation sessions (upcoming or past) and the form creating one. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const when = url.searchParams.get('when') === 'past' ? 'past' : 'upcoming';
	const [rows, choices] = await Promise.all([listSessions(ctx, when), sessionAgencies(ctx)]);
	return {
		when,
		sessions: rows.map(({ session, agencyName, registered, waiting, attended }) => ({
			id: session.id,
			startsAt: session.startsAt.toISOString(),
			country: countryName(session.hostCountry, locals.language),
			agencyName,
			place: session.place,
			online: session.onlineUrl !== null,
			language: session.language,
			capacity: session.capacity,
			registered,
			waiting,
			attended,
			isSample: session.isSample,
			cancelled: session.status === 'cancelled'
		})),
		agencies: choices.agencies,
		division: choices.division,
		countries: countryOptions(locals.language).filter((option) => option.value !== 'MA')
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		let id: string;
		try {
			id = (await createSession(ctx, Object.fromEntries([...data.entries()].filter(([, value]) => typeof value === 'string')))).id;
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/jobs/placement/orientation/${id}?done=created`);
	}
};
