import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { refusalOf, refusalWithReason } from '../../../platform/testing/refusal.ts';
import { readMail } from '../../../platform/testing/mail.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { knowledgePersonalData } from '../personal-data.ts';
import {
	confirmSubscription,
	createIssue,
	deleteUnconfirmed,
	getIssue,
	issueChoices,
	issueContents,
	listIssues,
	sendIssue,
	subscribe,
	subscriberCounts,
	unsubscribe,
	updateIssue
} from './newsletter.service.ts';
import { newsletterSubscriber } from './newsletter.table.ts';

let app: TestApp;
let editor: Actor;
let today = new Date('2027-01-10T12:00:00Z');
const now = () => (today = new Date(today.getTime() + 1000));
const asVisitor = (language: 'fr' | 'ar' | 'en' = 'fr') => contextFor(app.database.db, null, { now, mailer: app.mailer, publicUrl: 'https://sharaka.test', language });
const asEditor = () => contextFor(app.database.db, editor, { now, mailer: app.mailer, publicUrl: 'https://sharaka.test' });

const mailsTo = async (address: string) => (await app.outbox()).filter((raw) => readMail(raw).to.toLowerCase().includes(address.toLowerCase()));
const linkIn = (raw: string, path: string) => new RegExp(`https://sharaka\\.test(/[a-z]{2}/knowledge/newsletters/${path}/[A-Za-z0-9_-]+)`).exec(readMail(raw).text)?.[1];
const tokenOf = (link: string) => link.split('/').at(-1)!;

let initiative: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const person = await aPerson(app.database.db, { email: 'newsletter-editor@test.ma', role: 'member' });
	editor = { ...person.actor, grants: [{ module: 'knowledge', role: 'editor', organisationId: null, scope: null }] };
	initiative = (await issueChoices(app.database.db, 'fr')).links[0].value;
});
afterAll(async () => app?.close());

describe('subscribing', () => {
	it('asks for a confirmation by e-mail, in the chosen language, and counts the address only once confirmed', async () => {
		await subscribe(asVisitor('fr'), { email: 'Fatou.Diop@example.sn', language: 'ar', consent: 'on' });
		const [mail] = await mailsTo('Fatou.Diop@example.sn');
		const link = linkIn(mail, 'confirm')!;
		expect(link.startsWith('/ar/')).toBe(true);
		expect((await subscriberCounts(app.database.db)).confirmed).toBe(0);
		await confirmSubscription(asVisitor('ar'), tokenOf(link));
		expect(await subscriberCounts(app.database.db)).toMatchObject({ confirmed: 1, pending: 0 });
		// the link works once
		expect(await refusalOf(confirmSubscription(asVisitor('ar'), tokenOf(link)))).toBe('not_found');
	});

	it('answers the same for an address already subscribed, and tells its owner by e-mail rather than the page', async () => {
		await subscribe(asVisitor(), { email: 'fatou.diop@example.sn', language: 'fr', consent: 'on' });
		const mails = await mailsTo('fatou.diop@example.sn');
		expect(mails).toHaveLength(2);
		expect(readMail(mails[1]).text).toContain('/knowledge/newsletters/unsubscribe/');
		expect((await app.database.db.select().from(newsletterSubscriber)).map((row) => row.language)).toEqual(['ar']);
	});

	it('refuses without consent or with a bad address, and keeps nothing', async () => {
		expect(await refusalWithReason(subscribe(asVisitor(), { email: 'pas-une-adresse', language: 'fr' }))).toBe('invalid_input:email,consent');
		expect((await app.database.db.select().from(newsletterSubscriber)).length).toBe(1);
	});

	it('deletes subscriptions not confirmed within 7 days', async () => {
		await subscribe(asVisitor(), { email: 'oublie@example.org', language: 'fr', consent: 'on' });
		expect(await deleteUnconfirmed(app.database.db, new Date(today.getTime() + 6 * 24 * 3600 * 1000))).toBe(0);
		expect(await deleteUnconfirmed(app.database.db, new Date(today.getTime() + 8 * 24 * 3600 * 1000))).toBe(1);
		const trail = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'knowledge_newsletter.unconfirmed_retention'));
		expect(trail.map((entry) => [entry.actorLabel, (entry.after as { deleted: number }).deleted])).toEqual([['system', 1]]);
		expect(JSON.stringify(trail)).not.toContain('oublie');
	});
});

describe('issues', () => {
	it('are composed from documents, events and Atlas initiatives that exist, as drafts only the editors see', async () => {
		expect(await refusalWithReason(createIssue(asEditor(), { title: { fr: 'N°1' }, documents: ['nothing-here'] }))).toBe('invalid_input:documents');
		expect(await refusalWithReason(createIssue(asEditor(), { title: { fr: 'N°1' }, links: ['atlas.initiative:nothing-here'] }))).toBe('invalid_input:links');
		expect(await refusalOf(createIssue(asVisitor(), { title: { fr: 'Intrus' } }))).toBe('unauthenticated');
		const issue = await createIssue(asEditor(), {
			title: { fr: 'La bibliothèque s’enrichit', ar: 'المكتبة تغتني' },
			intro: { fr: 'Les nouveautés du mois.', ar: 'مستجدات الشهر.' },
			documents: ['guide-intervenant-retour-urgence'],
			events: ['evenement-final-sharaka-2017'],
			links: [initiative]
		});
		expect(issue.number).toBe(1);
		expect(await refusalOf(getIssue(asVisitor(), 1))).toBe('not_found');
		expect((await listIssues(asVisitor())).length).toBe(0);
		const contents = await issueContents(app.database.db, issue, 'ar');
		expect(contents.documents[0].path).toBe('/knowledge/documents/guide-intervenant-retour-urgence');
		expect(contents.events[0].title).toBe('الحدث الختامي لمشروع شراكة: ندوة الاختتام');
		expect(contents.links[0].path).toMatch(/^\/atlas\/initiatives\//);
	});

	it('go to each confirmed subscriber once, in their language, with a one-click unsubscribe; then join the archive and stay as sent', async () => {
		await subscribe(asVisitor(), { email: 'karim@example.ma', language: 'fr', consent: 'on' });
		await confirmSubscription(asVisitor(), tokenOf(linkIn((await mailsTo('karim@example.ma'))[0], 'confirm')!));
		await subscribe(asVisitor(), { email: 'pending@example.ma', language: 'fr', consent: 'on' });
		expect(await sendIssue(asEditor(), 1)).toEqual({ sent: 2 });
		const [toFatou] = (await mailsTo('fatou.diop@example.sn')).slice(-1);
		expect(readMail(toFatou).text).toContain('المكتبة تغتني');
		expect(readMail(toFatou).text).toContain('https://sharaka.test/ar/knowledge/documents/guide-intervenant-retour-urgence');
		expect(toFatou).toMatch(/List-Unsubscribe:\s+<https:\/\/sharaka\.test\/api\/v1\/knowledge\/newsletters\/unsubscribe\/[A-Za-z0-9_-]+>/);
		expect(toFatou).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
		expect((await mailsTo('pending@example.ma')).length).toBe(1);
		// sending again reaches nobody twice
		expect(await sendIssue(asEditor(), 1)).toEqual({ sent: 0 });
		expect((await listIssues(asVisitor())).map((row) => row.number)).toEqual([1]);
		expect(await refusalWithReason(updateIssue(asEditor(), 1, { title: { fr: 'Changé' } }))).toBe('conflict:issue_sent');
	});

	it('are not sent to someone who confirms after they went, and an older draft cannot go after a newer issue', async () => {
		await confirmSubscription(asVisitor(), tokenOf(linkIn((await mailsTo('pending@example.ma'))[0], 'confirm')!));
		const second = await createIssue(asEditor(), { title: { fr: 'Deuxième' } });
		const third = await createIssue(asEditor(), { title: { fr: 'Troisième' } });
		expect(await sendIssue(asEditor(), third.number)).toEqual({ sent: 3 });
		expect(await refusalWithReason(sendIssue(asEditor(), second.number))).toBe('conflict:issue_out_of_order');
		const toLate = await mailsTo('pending@example.ma');
		// the confirmation, then issue 3 only
		expect(toLate.length).toBe(2);
	});
});

describe('unsubscribing and personal data', () => {
	it('deletes the subscription by the link of an issue; the same link then does nothing', async () => {
		const [latest] = (await mailsTo('karim@example.ma')).slice(-1);
		const token = tokenOf(linkIn(latest, 'unsubscribe')!);
		expect(await unsubscribe(asVisitor(), token)).toBe(true);
		expect(await unsubscribe(asVisitor(), token)).toBe(false);
		expect((await app.database.db.select().from(newsletterSubscriber).where(eq(newsletterSubscriber.email, 'karim@example.ma'))).length).toBe(0);
	});

	it('exports and deletes the subscription of an account’s address', async () => {
		const person = await aPerson(app.database.db, { email: 'abonnee@example.ma', role: 'member' });
		await subscribe(asVisitor(), { email: 'abonnee@example.ma', language: 'en', consent: 'on' });
		const exported = await knowledgePersonalData.export(app.database.db, person.actor);
		expect(exported.newsletterSubscription).toMatchObject({ email: 'abonnee@example.ma', language: 'en', status: 'pending' });
		const erased = await knowledgePersonalData.erase(app.database.db, person.actor.userId, new Date(), { files: undefined as never });
		expect(erased.removed).toContain('newsletterSubscription');
		expect((await knowledgePersonalData.export(app.database.db, person.actor)).newsletterSubscription).toBeNull();
	});
});
