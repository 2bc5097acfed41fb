import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { countryName } from '#platform/geo/countries.ts';
import { regions } from '#platform/geo/morocco.ts';
import { getNetworkPage, joinNetwork, leaveNetwork, linkNetworks, listNetworks, membershipOf, receivesAnnouncements, unlinkNetworks } from '#modules/talents/networks.service.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { setAnnouncements } from '#modules/talents/announcements.service.ts';
import { networkAssociations } from '#modules/talents/directories/directories.ts';
import { listNews, networkEvents, NEWS_ON_PAGE } from '#modules/talents/news.service.ts';

async function page(app: Awaited<ReturnType<typeof getApp>>, slug: string) {
	try {
		return await getNetworkPage(app.database.db, slug);
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
}

export async function load({ params, locals }) {
	const app = await getApp();
	const found = await page(app, params.slug);
	const ctx = requestContext(app, locals);
	const { network } = found;
	const membership = await membershipOf(ctx, params.slug);
	const pageUrl = `${app.settings.publicUrl.replace(/\/$/, '')}/${locals.language}/talents/networks/${network.slug}`;
	// schema.org Organization
	const jsonLd = {
		'@context': 'https://schema.org',
		'@type': 'Organization',
		name: pickText(network.name, locals.language).text,
		description: pickText(network.aim, locals.language).text || undefined,
		url: pageUrl,
		areaServed: network.country ? countryName(network.country, locals.language) : undefined
	};
	return {
		jsonLd,
		network: {
			slug: network.slug,
			kind: network.kind,
			name: pickText(network.name, locals.language),
			aim: pickText(network.aim, locals.language),
			country: network.country ? countryName(network.country, locals.language) : null,
			area: network.area,
			skill: network.skill,
			joining: network.joining,
			sources: network.sources,
			isSample: network.isSample
		},
		linked: found.linked.map((entry) => ({ slug: entry.slug, name: pickText(entry.name, locals.language), kind: entry.kind, isSample: entry.isSample })),
		coordinators: found.coordinators,
		members: found.members,
		bySkill: found.bySkill,
		byCountry: found.byCountry.map((entry) => ({ country: countryName(entry.country, locals.language), members: entry.members })),
		completedMissions: found.completedMissions,
		missionsShown: found.missionsShown.map((entry) => ({
			...entry,
			title: pickText(entry.title, locals.language),
			region: regions.find((region) => region.iso === entry.region)?.[locals.language === 'ar' ? 'nameAr' : locals.language === 'en' ? 'nameEn' : 'nameFr'] ?? entry.region
		})),
		// the diaspora associations of the directory that belong to this network
		associations: (await networkAssociations(app.database.db, network.slug, locals.language)).items.map((item) => ({
			id: item.id,
			name: pickText(item.name, locals.language),
			country: item.country ? countryName(item.country, locals.language) : null,
			isSample: item.isSample
		})),
		// the coordinators' announcements published as news, the latest first
		news: await (async () => {
			const latest = await listNews(app.database.db, network.slug, {}, NEWS_ON_PAGE);
			return {
				total: latest.total,
				items: latest.items.map((item) => ({ id: item.id, title: pickText(item.title, locals.language), body: pickText(item.body, locals.language), publishedAt: item.publishedAt.toISOString() }))
			};
		})(),
		// the events linked to the network (the Knowledge module's, through the platform's links)
		events: await (async () => {
			const found = await networkEvents(app.database.db, network.slug, locals.language, new Date());
			const shown = (entry: (typeof found.upcoming)[number]) => ({ ...entry, startsAt: entry.startsAt.toISOString(), endsAt: entry.endsAt.toISOString() });
			return { upcoming: found.upcoming.map(shown), past: found.past.map(shown) };
		})(),
		membership,
		announcements: await receivesAnnouncements(ctx, params.slug),
		signedIn: Boolean(locals.actor),
		canCoordinate: ctx.can('talents.coordinate', { scope: params.slug }),
		// its members, coordinators and the ministry's moderators open the discussion; others are told to join
		inDiscussion: ctx.can('talents.discussion.moderate', { scope: params.slug }) || membership === 'member',
		// the networks a coordinator (or a moderator) may link this one to
		linkChoices:
			ctx.can('talents.coordinate', { scope: params.slug }) || ctx.can('talents.moderate')
				? (await listNetworks(app.database.db))
						.filter((entry) => entry.slug !== network.slug && !found.linked.some((linked) => linked.slug === entry.slug))
						.map((entry) => ({ slug: entry.slug, name: pickText(entry.name, locals.language).text }))
				: null
	};
}

export const actions = {
	join: async ({ params, locals }) => {
		const app = await getApp();
		try {
			const status = await joinNetwork(requestContext(app, locals), params.slug);
			return { done: status === 'member' ? 'joined' : 'requested' };
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') {
				const reason = failure.extra?.reason === 'profile_missing' ? 'join_needs_profile' : 'join_refused';
				return fail(409, { errors: { '': translate(locals.language, `talents.${reason}`) } });
			}
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			throw failure;
		}
	},
	announcements: async ({ params, locals, request }) => {
		const app = await getApp();
		const wanted = (await request.formData()).get('wanted') === 'yes';
		await setAnnouncements(requestContext(app, locals), params.slug, wanted);
		return { done: wanted ? 'subscribed' : 'unsubscribed' };
	},
	link: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await linkNetworks(requestContext(app, locals), params.slug, String(data.get('network') ?? ''));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: 'linked' };
	},
	unlink: async ({ params, locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await unlinkNetworks(requestContext(app, locals), params.slug, String(data.get('network') ?? ''));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: 'unlinked' };
	},
	leave: async ({ params, locals }) => {
		const app = await getApp();
		await leaveNetwork(requestContext(app, locals), params.slug);
		return { done: 'left' };
	}
};
