import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { listAnnouncements, postAnnouncement } from './announcements.service.ts';
import { createNetwork, getNetworkPage, joinNetwork } from './networks.service.ts';
import { saveProfile } from './profile.service.ts';
import { listNews, networkEvents, publishNews, unpublishNews } from './news.service.ts';
import { newsFeed } from './news-feed.ts';

let app: TestApp;
let coordinator: Actor;
let otherCoordinator: Actor;
let member: Person;
const queue = { send: async () => 'job' };
const slug = 'medecins-france';

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return error.code;
		throw error;
	}
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	await createNetwork(contextFor(db, null), { slug, kind: 'skill', name: { fr: 'Médecins en France', ar: 'الأطباء في فرنسا' }, skill: 'health', joining: 'open' });
	await createNetwork(contextFor(db, null), { slug: 'autre-reseau', kind: 'skill', name: { fr: 'Autre réseau' }, skill: 'engineering', joining: 'open' });
	const person = await aPerson(db);
	coordinator = { ...person.actor, grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: slug }] };
	otherCoordinator = { ...person.actor, grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: 'autre-reseau' }] };
	member = await aPerson(db, { locale: 'fr' });
	await saveProfile(contextFor(db, member), { hostCountry: 'FR' });
	await joinNetwork(contextFor(db, member), slug);
});
afterAll(async () => app?.close());

describe('a network’s news', () => {
	it('shows only the announcements a coordinator chose to publish, newest first, by pages', async () => {
		const ctx = contextFor(app.database.db, coordinator);
		await postAnnouncement(ctx, slug, { subject: { fr: 'Réservé aux membres' }, body: { fr: 'Texte privé' } }, queue);
		const published = await postAnnouncement(ctx, slug, { subject: { fr: 'Journée de santé', ar: 'يوم الصحة' }, body: { fr: 'Le 3 avril à Lyon.', ar: 'يوم 3 أبريل في ليون.' }, publish: 'on' }, queue);
		expect(published.published).toBe(true);
		const news = await listNews(app.database.db, slug);
		expect(news).toMatchObject({ total: 1, page: 1 });
		expect(news.items.map((item) => item.title)).toEqual([{ fr: 'Journée de santé', ar: 'يوم الصحة' }]);
		// the members' announcements list keeps both
		expect((await listAnnouncements(ctx, slug)).map((row) => row.published)).toEqual([true, false]);
		// another network shows none of them
		expect((await listNews(app.database.db, 'autre-reseau')).total).toBe(0);
		expect(await refusal(listNews(app.database.db, 'inconnu'))).toBe('not_found');
		expect(await refusal(listNews(app.database.db, slug, { page: 'x' }))).toBe('invalid_input');
		// pages
		for (const n of [1, 2, 3]) await postAnnouncement(ctx, slug, { subject: { en: `News ${n}` }, body: { en: 'Text' }, publish: true }, queue);
		const first = await listNews(app.database.db, slug, {}, 2);
		const second = await listNews(app.database.db, slug, { page: '2' }, 2);
		expect(first.total).toBe(4);
		expect([...first.items, ...second.items].map((item) => item.title.en ?? item.title.fr)).toEqual(['News 3', 'News 2', 'News 1', 'Journée de santé']);
	});

	it('is unpublished only by the network’s coordinators, audited, and the members keep the announcement', async () => {
		const [latest] = (await listNews(app.database.db, slug)).items;
		expect(await refusal(unpublishNews(contextFor(app.database.db, otherCoordinator), slug, latest.id))).toBe('forbidden');
		expect(await refusal(unpublishNews(contextFor(app.database.db, member), slug, latest.id))).toBe('forbidden');
		expect(await refusal(unpublishNews(contextFor(app.database.db, null), slug, latest.id))).toBe('unauthenticated');
		// a coordinator of another network cannot reach this one's news through their own network's slug
		expect(await refusal(unpublishNews(contextFor(app.database.db, otherCoordinator), 'autre-reseau', latest.id))).toBe('not_found');
		expect(await refusal(unpublishNews(contextFor(app.database.db, coordinator), slug, 'not-an-id'))).toBe('not_found');
		await unpublishNews(contextFor(app.database.db, coordinator), slug, latest.id);
		expect(await refusal(unpublishNews(contextFor(app.database.db, coordinator), slug, latest.id))).toBe('not_found');
		const news = await listNews(app.database.db, slug);
		expect(news.total).toBe(3);
		expect(news.items.some((item) => item.id === latest.id)).toBe(false);
		expect((await listAnnouncements(contextFor(app.database.db, coordinator), slug)).find((row) => row.id === latest.id)).toMatchObject({ published: false });
		const [audited] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'network_announcement.unpublish'));
		expect(audited).toMatchObject({ resourceType: 'network', actorUserId: coordinator.userId, after: { announcementId: latest.id, published: false } });
	});

	it('is an Atom feed in the reader’s language, marking text in another language', async () => {
		const db = app.database.db;
		const { items } = await listNews(db, slug);
		const { network } = await getNetworkPage(db, slug);
		const xml = await newsFeed(db, network, 'ar', 'https://sharaka.test/');
		expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">');
		expect(xml).toContain('<title>الأطباء في فرنسا — المستجدات</title>');
		expect(xml).toContain('<title xml:lang="ar">يوم الصحة</title>');
		expect(xml).toContain('<title xml:lang="en">News 2</title>');
		expect(xml).toContain('href="https://sharaka.test/ar/talents/networks/medecins-france/news/feed"');
		expect(xml.match(/<entry>/g)).toHaveLength(items.length);
		expect(xml).not.toContain('Réservé aux membres');
	});

	it('is published after it was sent, or again after it was taken off, dated by its first publication, audited', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, coordinator);
		const membersOnly = (await listAnnouncements(ctx, slug)).find((row) => row.subject.fr === 'Réservé aux membres')!;
		expect(membersOnly).toMatchObject({ published: false, publishedAt: null });
		expect(await refusal(publishNews(contextFor(db, otherCoordinator), slug, membersOnly.id))).toBe('forbidden');
		expect(await refusal(publishNews(contextFor(db, member), slug, membersOnly.id))).toBe('forbidden');
		expect(await refusal(publishNews(contextFor(db, otherCoordinator), 'autre-reseau', membersOnly.id))).toBe('not_found');
		await publishNews(ctx, slug, membersOnly.id);
		// posted first, published last: the newest news item, on the page, the API's list and the feed
		const news = await listNews(db, slug);
		expect(news.items[0]).toMatchObject({ id: membersOnly.id, title: { fr: 'Réservé aux membres' } });
		const firstPublished = news.items[0].publishedAt;
		expect(firstPublished.getTime()).toBeGreaterThan(membersOnly.createdAt.getTime());
		const { network } = await getNetworkPage(db, slug);
		expect(await newsFeed(db, network, 'fr', 'https://sharaka.test')).toContain('Réservé aux membres');
		// a second click changes nothing
		expect(await refusal(publishNews(ctx, slug, membersOnly.id))).toBe('not_found');
		// taken off by mistake and put back: back in its place, with its first date
		await unpublishNews(ctx, slug, membersOnly.id);
		expect((await listNews(db, slug)).items.some((item) => item.id === membersOnly.id)).toBe(false);
		await publishNews(ctx, slug, membersOnly.id);
		const [again] = (await listNews(db, slug)).items;
		expect(again).toMatchObject({ id: membersOnly.id, publishedAt: firstPublished });
		const audited = await db.select().from(auditEvent).where(eq(auditEvent.action, 'network_announcement.publish'));
		expect(audited).toHaveLength(2);
		expect(audited[0]).toMatchObject({ resourceType: 'network', actorUserId: coordinator.userId, before: { announcementId: membersOnly.id, published: false }, after: { announcementId: membersOnly.id, published: true } });
	});
});

describe('the events linked to a network', () => {
	it('come through the platform’s links, upcoming soonest first and past latest first, never drafts', async () => {
		const db = app.database.db;
		const link = JSON.stringify([`talents.network:${slug}`]);
		const day = 24 * 3600 * 1000;
		const now = new Date('2030-06-01T12:00:00Z');
		const at = (days: number) => new Date(now.getTime() + days * day).toISOString();
		// events of the Knowledge module (this module does not import it: they are written as rows)
		const events: [string, string, number, string][] = [
			['rencontre-lyon', 'published', 10, link],
			['webinaire-sante', 'published', 3, link],
			['brouillon', 'draft', 5, link],
			['annule', 'cancelled', 20, link],
			['ancienne-journee', 'published', -30, link],
			['sans-lien', 'published', 4, '[]']
		];
		for (const [eventSlug, status, days, links] of events) {
			await db.execute(
				sql`insert into knowledge.event (slug, title, starts_at, ends_at, place, status, links) values (${eventSlug}, ${JSON.stringify({ fr: `Événement ${eventSlug}` })}::jsonb, ${at(days)}, ${at(days + 0.1)}, 'Lyon', ${status}, ${links}::jsonb)`
			);
		}
		const found = await networkEvents(db, slug, 'ar', now);
		expect(found.upcoming.map((entry) => [entry.path, entry.cancelled])).toEqual([
			['/knowledge/events/webinaire-sante', false],
			['/knowledge/events/rencontre-lyon', false],
			['/knowledge/events/annule', true]
		]);
		expect(found.upcoming[0]).toMatchObject({ title: 'Événement webinaire-sante', lang: 'fr', place: 'Lyon', online: false, isSample: false });
		expect(found.past.map((entry) => entry.path)).toEqual(['/knowledge/events/ancienne-journee']);
		expect(await networkEvents(db, 'autre-reseau', 'fr', now)).toEqual({ upcoming: [], past: [] });
		expect((await networkEvents(db, slug, 'fr', now, { upcoming: 1 })).upcoming).toHaveLength(1);
	});
});
