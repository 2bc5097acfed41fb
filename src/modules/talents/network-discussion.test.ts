// A network's discussion (issue 11, item 2): its members take part through the pages' services and the API;
// its coordinators (grant limited to the network) and the ministry's moderators moderate it; my space counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/app.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { apiEvent } from '../../platform/testing/api-event.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalOf } from '../../platform/testing/refusal.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';
import { deleteMyAccount, exportMyData } from '../../platform/accounts/personal-data.service.ts';
import { hidePost, reportPost, setThreadLocked, threadDetail } from '../../platform/discussion/discussion.service.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { GET as listThreads, POST as startThread } from './routes/api/v1/talents/networks/[slug]/discussion/threads/+server.ts';
import { GET as readThread } from './routes/api/v1/talents/networks/[slug]/discussion/threads/[id]/+server.ts';
import { POST as reply } from './routes/api/v1/talents/networks/[slug]/discussion/threads/[id]/replies/+server.ts';
import { saveProfile } from './profile.service.ts';
import { createNetwork, joinNetwork } from './networks.service.ts';
import { discussionOf } from './network-discussion.ts';
import { talentsSpace } from './my-space.ts';

let app: TestApp;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
const slug = 'exemple-discussion';
let amina: Person;
let karim: Person;
let outsider: Person;
let coordinator: Actor;
let otherCoordinator: Actor;
let moderator: Person;

const coordinating = (person: Person, scope: string): Actor => ({ ...person.actor, grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope }] });
const as = (who: Person | Actor | null) => contextFor(app.database.db, who, { mailer: app.mailer, publicUrl: 'http://sharaka.test' });
const discussion = () => discussionOf(app.database.db, slug);

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	await createNetwork(contextFor(db, null), { slug, kind: 'skill', name: { fr: 'Exemple : discussion', ar: 'مثال: نقاش' }, skill: 'digital', joining: 'open' }, { isSample: true });
	amina = await aPerson(db, { name: 'Amina Talent' });
	karim = await aPerson(db, { name: 'Karim Talent', locale: 'ar' });
	outsider = await aPerson(db, { name: 'Pas membre' });
	for (const person of [amina, karim, outsider]) await saveProfile(contextFor(db, person), { hostCountry: 'DE' });
	for (const person of [amina, karim]) await joinNetwork(contextFor(db, person), slug);
	coordinator = coordinating(await aPerson(db, { name: 'Coordinatrice' }), slug);
	otherCoordinator = coordinating(await aPerson(db, { name: 'Autre réseau' }), 'exemple-sante');
	moderator = await aPerson(db, { role: 'moderator' });
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('a network’s discussion', () => {
	it('lets its members start threads and reply with their token; others are refused, the discussion is not public', async () => {
		const started = await startThread(apiEvent(amina, { method: 'POST', params: { slug }, json: { language: 'fr', title: 'Des stages pour nos étudiants ?', body: 'Qui accueille un stagiaire cet été ?' } }));
		expect(started.status).toBe(201);
		const thread = await started.json();
		expect(thread).toMatchObject({ thread: { title: 'Des stages pour nos étudiants ?', language: 'fr', author: 'Amina Talent', following: true }, opening: { mine: true } });
		const answered = await reply(apiEvent(karim, { method: 'POST', params: { slug, id: thread.thread.id }, json: { language: 'ar', body: 'نعم، في شركتي بكولونيا.' } }));
		expect(answered.status).toBe(201);
		expect(await answered.json()).toMatchObject({ language: 'ar', mailed: 1 });

		const listed = await (await listThreads(apiEvent(karim, { params: { slug } }))).json();
		expect(listed).toMatchObject({ total: 1, moderates: false, items: [{ title: 'Des stages pour nos étudiants ?', replyCount: 1 }] });
		expect((await listThreads(apiEvent(outsider, { params: { slug } }))).status).toBe(403);
		expect((await listThreads(apiEvent(null, { params: { slug } }))).status).toBe(401);
		expect((await listThreads(apiEvent(amina, { params: { slug: 'absent' } }))).status).toBe(404);
		expect((await startThread(apiEvent(amina, { method: 'POST', params: { slug }, json: { language: 'xx', title: '' } }))).status).toBe(400);
		// a member of another network (a coordinator there) neither reads nor writes here
		expect(await refusalOf(threadDetail(as(otherCoordinator), await discussion(), thread.thread.id))).toBe('forbidden');
	});

	it('lets the network’s coordinators and the ministry’s moderators hide a post, not another network’s coordinators; members then read the reason only', async () => {
		const [item] = (await (await listThreads(apiEvent(amina, { params: { slug } }))).json()).items;
		const detail = await threadDetail(as(amina), await discussion(), item.id);
		const karims = detail.replies.items[0];
		await reportPost(as(amina), await discussion(), karims.id, { reason: 'Coordonnées personnelles' });
		// the coordinators see the report waiting in their space
		const waiting = (await talentsSpace(as(coordinator))).find((link) => link.path === `/talents/networks/${slug}/discussion/reports`);
		expect(waiting?.waiting?.count).toBe(1);
		expect(waiting?.titleValues?.network).toContain('Exemple : discussion');

		expect(await refusalOf(hidePost(as(otherCoordinator), await discussion(), karims.id, { reason: 'Pas mon réseau' }))).toBe('forbidden');
		expect(await refusalOf(hidePost(as(amina), await discussion(), karims.id, { reason: 'Je ne coordonne pas' }))).toBe('forbidden');
		await hidePost(as(coordinator), await discussion(), karims.id, { reason: 'Pas de coordonnées dans les messages' });
		const seen = await (await readThread(apiEvent(amina, { params: { slug, id: item.id } }))).json();
		expect(seen.replies.items[0]).toMatchObject({ body: null, hidden: { reason: 'Pas de coordonnées dans les messages' } });
		const moderated = await (await readThread(apiEvent(moderator, { params: { slug, id: item.id } }))).json();
		expect(moderated).toMatchObject({ moderates: true, replies: { items: [{ body: 'نعم، في شركتي بكولونيا.' }] } });
		expect((await talentsSpace(as(coordinator))).find((link) => link.path === `/talents/networks/${slug}/discussion/reports`)?.waiting?.count).toBe(0);
	});

	it('refuses replies in a locked thread (409 thread_locked)', async () => {
		const [item] = (await (await listThreads(apiEvent(amina, { params: { slug } }))).json()).items;
		await setThreadLocked(as(moderator), await discussion(), item.id, true);
		const refused = await reply(apiEvent(karim, { method: 'POST', params: { slug, id: item.id }, json: { language: 'ar', body: 'رد متأخر' } }));
		expect(refused.status).toBe(409);
		expect((await refused.json()).error.details).toMatchObject({ reason: 'thread_locked' });
		await setThreadLocked(as(coordinator), await discussion(), item.id, false);
	});

	it('shows a member the followed threads with replies unread in their space', async () => {
		const [item] = (await (await listThreads(apiEvent(amina, { params: { slug } }))).json()).items;
		await reply(apiEvent(karim, { method: 'POST', params: { slug, id: item.id }, json: { language: 'ar', body: 'وهل تبحثون عن متدرب في المعلوميات؟' } }));
		const link = (await talentsSpace(as(amina))).find((entry) => entry.path === `/talents/networks/${slug}/discussion`);
		expect(link?.waiting?.count).toBe(1);
		await readThread(apiEvent(amina, { params: { slug, id: item.id } }));
		expect((await talentsSpace(as(amina))).find((entry) => entry.path === `/talents/networks/${slug}/discussion`)?.waiting?.count).toBe(0);
	});

	it('exports a member’s posts, and keeps them readable under "former member" once the account is closed', async () => {
		const exported = (await exportMyData(contextFor(app.database.db, karim, { audit: systemContext() }))) as unknown as { discussionPosts: { body: string; scope: string }[] };
		expect(exported.discussionPosts.map((post) => post.body)).toContain('نعم، في شركتي بكولونيا.');
		expect(exported.discussionPosts.every((post) => post.scope === slug)).toBe(true);
		await deleteMyAccount(contextFor(app.database.db, karim, { audit: systemContext() }), app);
		const [item] = (await (await listThreads(apiEvent(amina, { params: { slug } }))).json()).items;
		const seen = await (await readThread(apiEvent(amina, { params: { slug, id: item.id } }))).json();
		expect(seen.replies.items.map((post: { author: string | null }) => post.author)).toEqual([null, null]);
		expect(seen.replies.items[1].body).toBe('وهل تبحثون عن متدرب في المعلوميات؟');
	});
});
