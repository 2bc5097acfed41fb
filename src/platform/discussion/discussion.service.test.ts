import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../testing/people.ts';
import { refusalOf, refusalWithReason } from '../testing/refusal.ts';
import { readMail } from '../testing/mail.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import { systemContext } from '../audit/audit.service.ts';
import { deleteMyAccount, exportMyData } from '../accounts/personal-data.service.ts';
import {
	dismissReport,
	editPost,
	followedThreads,
	hidePost,
	listThreads,
	openReportCounts,
	openReports,
	replyToThread,
	reportPost,
	setThreadLocked,
	setThreadPinned,
	showPost,
	startThread,
	threadDetail,
	unfollowByToken,
	type Discussion
} from './discussion.service.ts';
import { discussionFollow } from './discussion.table.ts';

let app: TestApp;
let moderator: Person;
let amina: Person;
let karim: Person;
let outsider: Person;
let now = new Date('2026-07-01T10:00:00Z');
const members = new Set<string>();

/** A discussion as a module declares one: its members a list, moderated by the platform's organisation managers (moderators). */
const club = (scope: string): Discussion => ({
	key: 'test.club',
	scope,
	moderateAction: 'organisation.manage',
	membersAmong: async (_db, userIds) => new Set(userIds.filter((userId) => members.has(userId))),
	path: `/test/clubs/${scope}/discussion`,
	joinPath: `/test/clubs/${scope}`,
	title: (language) => ({ text: language === 'ar' ? 'نادي الاختبار' : 'Club de test', lang: language === 'ar' ? 'ar' : 'fr' }),
	auditResource: 'test_club_discussion'
});
const discussion = club('rabat');

const as = (who: Person | null) => contextFor(app.database.db, who, { mailer: app.mailer, publicUrl: 'http://sharaka.test', now: () => now });
const later = () => (now = new Date(now.getTime() + 60_000));

beforeAll(async () => {
	app = await createTestApp();
	const db = app.database.db;
	moderator = await aPerson(db, { role: 'moderator', name: 'Youssef Modérateur' });
	amina = await aPerson(db, { name: 'Amina Membre' });
	karim = await aPerson(db, { name: 'Karim Membre', locale: 'ar' });
	outsider = await aPerson(db, { name: 'Hors réseau' });
	members.add(amina.actor.userId).add(karim.actor.userId);
});
afterAll(async () => app?.close());

describe('a discussion', () => {
	it('lets a member start a thread and another reply; a non-member is refused, a visitor asked to sign in', async () => {
		const thread = await startThread(as(amina), discussion, { language: 'fr', title: 'Qui vient au forum de Rabat ?', body: 'Je cherche des collègues pour y aller ensemble.' });
		expect(await refusalOf(startThread(as(outsider), discussion, { language: 'fr', title: 'Hors sujet ici', body: 'Je ne suis pas membre.' }))).toBe('forbidden');
		expect(await refusalOf(listThreads(as(outsider), discussion))).toBe('forbidden');
		expect(await refusalOf(listThreads(as(null), discussion))).toBe('unauthenticated');
		later();
		await replyToThread(as(karim), discussion, thread.id, { language: 'ar', body: 'سأكون هناك يوم الجمعة.', follow: true });
		expect(await refusalOf(replyToThread(as(outsider), discussion, thread.id, { language: 'fr', body: 'Moi aussi' }))).toBe('forbidden');
		const detail = await threadDetail(as(amina), discussion, thread.id);
		expect(detail.opening.body).toBe('Je cherche des collègues pour y aller ensemble.');
		expect(detail.replies.items.map((post) => [post.author, post.language, post.body])).toEqual([['Karim Membre', 'ar', 'سأكون هناك يوم الجمعة.']]);
		expect(detail.thread.replyCount).toBe(1);
		// the same reply sent again (a page reloaded) is not posted twice
		await replyToThread(as(karim), discussion, thread.id, { language: 'ar', body: 'سأكون هناك يوم الجمعة.' });
		expect((await threadDetail(as(amina), discussion, thread.id)).replies.total).toBe(1);
		// another scope of the same key is another discussion
		expect((await listThreads(as(amina), club('fes'))).total).toBe(0);
	});

	it('refuses bad input with localisable field errors and changes nothing', async () => {
		expect(await refusalWithReason(startThread(as(amina), discussion, { language: 'de', title: 'Oui', body: '' }))).toBe('invalid_input:language,title,body');
		expect((await listThreads(as(amina), discussion)).total).toBe(1);
	});

	it('e-mails the followers of a thread in their language on a reply, with a link to stop following', async () => {
		const [thread] = (await listThreads(as(amina), discussion)).items;
		const before = (await app.outbox()).length;
		later();
		await replyToThread(as(amina), discussion, thread.id, { language: 'fr', body: 'Parfait, rendez-vous à l’entrée à 9 h.' });
		const mails = (await app.outbox()).slice(before).map(readMail);
		// Karim follows (he replied with the box ticked); Amina wrote the reply: she is not told of it
		expect(mails.map((mail) => [mail.to, mail.language])).toEqual([[karim.email, 'ar']]);
		expect(mails[0].text).toContain('نادي الاختبار');
		expect(mails[0].text).toContain('rendez-vous à l’entrée');
		const token = /unfollow\?token=([0-9a-f-]{36})/.exec(mails[0].text)?.[1];
		expect(token).toBeDefined();
		// the followed thread with a reply he has not read counts in his space
		expect(await followedThreads(app.database.db, 'test.club', karim.actor.userId)).toEqual(new Map([['rabat', { following: 1, unread: 1 }]]));
		await threadDetail(as(karim), discussion, thread.id);
		expect((await followedThreads(app.database.db, 'test.club', karim.actor.userId)).get('rabat')?.unread).toBe(0);
		// the e-mail's link stops it, without signing in
		expect((await unfollowByToken(as(null), discussion, token!)).title).toBe(thread.title);
		const [left] = await app.database.db.select().from(discussionFollow).where(and(eq(discussionFollow.threadId, thread.id), eq(discussionFollow.userId, karim.actor.userId)));
		expect(left).toBeUndefined();
		expect(await refusalOf(unfollowByToken(as(null), discussion, token!))).toBe('not_found');
	});

	it('lets an author correct their own post only, the earlier text in the audit trail', async () => {
		const [thread] = (await listThreads(as(amina), discussion)).items;
		const { opening } = await threadDetail(as(amina), discussion, thread.id);
		expect(await refusalOf(editPost(as(karim), discussion, opening.id, { language: 'fr', body: 'Texte changé par un autre' }))).toBe('forbidden');
		later();
		await editPost(as(amina), discussion, opening.id, { language: 'fr', body: 'Je cherche des collègues pour y aller ensemble, samedi.' });
		const after = await threadDetail(as(karim), discussion, thread.id);
		expect(after.opening.editedAt).toEqual(now);
		const [event] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'test_club_discussion.post_edit'), eq(auditEvent.resourceId, opening.id)));
		expect(event.before).toEqual({ body: 'Je cherche des collègues pour y aller ensemble.', language: 'fr' });
		expect(event.actorUserId).toBe(amina.actor.userId);
	});

	it('lets a member report a post, counted for the moderators, who hide it: members read the reason, not the text', async () => {
		const [thread] = (await listThreads(as(amina), discussion)).items;
		const { replies } = await threadDetail(as(amina), discussion, thread.id);
		const karims = replies.items.find((post) => post.author === 'Karim Membre')!;
		expect(await refusalWithReason(reportPost(as(karim), discussion, karims.id, { reason: 'Mon propre message' }))).toBe('conflict:own_post');
		await reportPost(as(amina), discussion, karims.id, { reason: 'Hors sujet' });
		await reportPost(as(amina), discussion, karims.id, { reason: 'Hors sujet, encore' });
		expect(await openReportCounts(app.database.db, 'test.club')).toEqual(new Map([['rabat', 1]]));
		expect(await refusalOf(openReports(as(amina), discussion))).toBe('forbidden');
		expect(await refusalOf(hidePost(as(amina), discussion, karims.id, { reason: 'Je ne modère pas' }))).toBe('forbidden');
		expect((await openReports(as(moderator), discussion)).map((report) => [report.reason, report.post.body])).toEqual([['Hors sujet', 'سأكون هناك يوم الجمعة.']]);

		await hidePost(as(moderator), discussion, karims.id, { reason: 'Message hors sujet' });
		const seen = await threadDetail(as(amina), discussion, thread.id);
		const hidden = seen.replies.items.find((post) => post.id === karims.id)!;
		expect(hidden.body).toBeNull();
		expect(hidden.hidden?.reason).toBe('Message hors sujet');
		expect(seen.thread.replyCount).toBe(2);
		expect(JSON.stringify(seen)).not.toContain('سأكون هناك');
		// moderators still read it; the report is settled; the text is in the audit trail
		expect((await threadDetail(as(moderator), discussion, thread.id)).replies.items.find((post) => post.id === karims.id)?.body).toBe('سأكون هناك يوم الجمعة.');
		expect(await openReportCounts(app.database.db, 'test.club')).toEqual(new Map());
		const [event] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'test_club_discussion.post_hide'), eq(auditEvent.resourceId, karims.id)));
		expect(event.before).toMatchObject({ body: 'سأكون هناك يوم الجمعة.' });
		// a hidden post is not corrected; shown again, members read it again
		expect(await refusalWithReason(editPost(as(karim), discussion, karims.id, { language: 'ar', body: 'نص جديد' }))).toBe('conflict:post_hidden');
		await showPost(as(moderator), discussion, karims.id);
		expect((await threadDetail(as(amina), discussion, thread.id)).replies.items.find((post) => post.id === karims.id)?.body).toBe('سأكون هناك يوم الجمعة.');
		// a dismissed report leaves the post as it is
		await reportPost(as(karim), discussion, (await threadDetail(as(karim), discussion, thread.id)).opening.id, { reason: 'Doublon ?' });
		const [report] = await openReports(as(moderator), discussion);
		await dismissReport(as(moderator), discussion, report.id);
		expect(await openReports(as(moderator), discussion)).toEqual([]);
	});

	it('withdraws a thread whose opening a moderator hid from its members', async () => {
		const thread = await startThread(as(karim), discussion, { language: 'ar', title: 'إعلان تجاري', body: 'اشتروا منتجاتنا.' });
		const { opening } = await threadDetail(as(karim), discussion, thread.id);
		await hidePost(as(moderator), discussion, opening.id, { reason: 'Publicité' });
		expect((await listThreads(as(amina), discussion)).items.map((item) => item.id)).not.toContain(thread.id);
		expect(await refusalOf(threadDetail(as(amina), discussion, thread.id))).toBe('not_found');
		expect((await listThreads(as(moderator), discussion)).items.find((item) => item.id === thread.id)?.hidden).toBe(true);
	});

	it('lists pinned threads first, then by last activity; a locked thread refuses replies', async () => {
		later();
		const older = await startThread(as(karim), discussion, { language: 'fr', title: 'Règles de la discussion', body: 'Restons courtois.' });
		later();
		const newer = await startThread(as(amina), discussion, { language: 'en', title: 'Anyone in Agadir?', body: 'Looking for colleagues.' });
		expect((await listThreads(as(amina), discussion)).items[0].id).toBe(newer.id);
		expect(await refusalOf(setThreadPinned(as(amina), discussion, older.id, true))).toBe('forbidden');
		await setThreadPinned(as(moderator), discussion, older.id, true);
		expect((await listThreads(as(amina), discussion)).items.map((item) => item.id).slice(0, 2)).toEqual([older.id, newer.id]);
		await setThreadLocked(as(moderator), discussion, older.id, true);
		expect(await refusalWithReason(replyToThread(as(amina), discussion, older.id, { language: 'fr', body: 'Bien sûr.' }))).toBe('conflict:thread_locked');
		await setThreadLocked(as(moderator), discussion, older.id, false);
		await replyToThread(as(amina), discussion, older.id, { language: 'fr', body: 'Bien sûr.' });
		const audited = await app.database.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.resourceId, older.id));
		expect(audited.map((event) => event.action)).toEqual(expect.arrayContaining(['test_club_discussion.thread_start', 'test_club_discussion.thread_pin', 'test_club_discussion.thread_lock', 'test_club_discussion.thread_unlock']));
	});
});

describe('a person’s posts', () => {
	it('are in their data export, and stay readable under "former member" once the account is closed', async () => {
		const exported = (await exportMyData(contextFor(app.database.db, amina, { audit: systemContext() }))) as unknown as Record<string, { body?: string; title?: string }[]>;
		expect(exported.discussionPosts.map((post) => post.body)).toContain('Parfait, rendez-vous à l’entrée à 9 h.');
		expect(exported.discussionThreads.map((thread) => thread.title)).toContain('Anyone in Agadir?');
		expect(exported.discussionReports.length).toBeGreaterThan(0);

		await deleteMyAccount(contextFor(app.database.db, amina, { audit: systemContext() }), app);
		members.delete(amina.actor.userId);
		const list = await listThreads(as(karim), discussion);
		const agadir = list.items.find((item) => item.title === 'Anyone in Agadir?')!;
		expect(agadir.author).toBeNull();
		const detail = await threadDetail(as(karim), discussion, agadir.id);
		expect([detail.opening.author, detail.opening.body]).toEqual([null, 'Looking for colleagues.']);
	});
});
