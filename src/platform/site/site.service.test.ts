import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { systemContext } from '../audit/audit.service.ts';
import { deleteMyAccount, exportMyData } from '../accounts/personal-data.service.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../testing/people.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import { contactMessage } from './site.table.ts';
import { getSiteInformation, listContactMessages, markContactMessageHandled, openContactMessages, sendContactMessage, updateSiteInformation } from './site.service.ts';

let app: TestApp;
let administrator: Person;
let moderator: Person;

const details = {
	publisher: { fr: 'Ministère chargé des Marocains du monde', ar: 'الوزارة المكلفة بمغاربة العالم', en: '' },
	address: 'Rabat',
	publicationDirector: 'La directrice de la coopération',
	contactEmail: 'contact@ministere.example.ma',
	host: 'Un hébergeur au Maroc',
	accessibilityStatus: 'partial',
	accessibilityAuditedOn: '2026-10-01'
};

beforeAll(async () => {
	app = await createTestApp({ RATE_LIMIT_MAX_PER_ACCOUNT: '3' });
	administrator = await aPerson(app.database.db, { role: 'administrator' });
	moderator = await aPerson(app.database.db, { role: 'moderator' });
});
afterAll(async () => app?.close());

describe('the publisher’s details', () => {
	it('read "not given" until an administrator sets them; then the pages have them, audited', async () => {
		expect(await getSiteInformation(app.database.db)).toMatchObject({ publisher: {}, contactEmail: null, accessibilityStatus: 'partial', updatedAt: null });
		await expect(updateSiteInformation(contextFor(app.database.db, moderator), details)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(updateSiteInformation(contextFor(app.database.db, administrator), { ...details, contactEmail: 'not an address' })).rejects.toMatchObject({
			code: 'invalid_input',
			fields: [expect.objectContaining({ path: 'contactEmail' })]
		});
		expect((await getSiteInformation(app.database.db)).updatedAt).toBeNull();

		const saved = await updateSiteInformation(contextFor(app.database.db, administrator), details);
		expect(saved).toMatchObject({ publisher: { fr: details.publisher.fr, ar: details.publisher.ar }, contactEmail: details.contactEmail, accessibilityAuditedOn: '2026-10-01' });
		expect(saved.publisher).not.toHaveProperty('en');
		await updateSiteInformation(contextFor(app.database.db, administrator), { ...details, address: 'Rabat, Hay Riad' });
		const trail = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'site_information.update'));
		expect(trail).toHaveLength(2);
		expect(trail[1].actorUserId).toBe(administrator.actor.userId);
		expect(trail[1].before).toMatchObject({ address: 'Rabat' });
	});
});

describe('the contact form', () => {
	it('keeps the message for the administrators and sends it to the contact address; the trail keeps no content', async () => {
		const visitor = contextFor(app.database.db, null, { language: 'ar', mailer: app.mailer });
		await sendContactMessage(visitor, app.rateLimiter, { topic: 'accessibility', email: 'awa@example.sn', name: 'Awa', message: 'Le lecteur d’écran ne lit pas la carte.' }, '10.0.0.1');
		const [stored] = await app.database.db.select().from(contactMessage);
		expect(stored).toMatchObject({ topic: 'accessibility', email: 'awa@example.sn', language: 'ar', handledAt: null });
		const mails = await app.outbox();
		expect(mails.at(-1)).toContain('To: contact@ministere.example.ma');
		expect(mails.at(-1)).toContain('awa@example.sn');
		const [event] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'contact_message.create'));
		expect(JSON.stringify(event)).not.toContain('awa@example.sn');
		expect(JSON.stringify(event)).not.toContain('lecteur');
		expect(await openContactMessages(app.database.db)).toBe(1);
	});

	it('refuses a bad address or a message too short, and keeps nothing from a robot', async () => {
		const visitor = contextFor(app.database.db, null);
		await expect(sendContactMessage(visitor, app.rateLimiter, { topic: 'question', email: 'nope', message: 'court' }, '10.0.0.2')).rejects.toMatchObject({
			code: 'invalid_input',
			fields: expect.arrayContaining([expect.objectContaining({ path: 'email' }), expect.objectContaining({ path: 'message' })])
		});
		// the hidden field filled: answered as sent, nothing kept, nothing mailed
		const mails = (await app.outbox()).length;
		await sendContactMessage(visitor, app.rateLimiter, { topic: 'question', email: 'bot@example.com', message: 'Buy cheap things here now', website: 'x' }, '10.0.0.3');
		expect((await app.outbox()).length).toBe(mails);
		expect(await openContactMessages(app.database.db)).toBe(1);
	});

	it('is limited per sender', async () => {
		const visitor = contextFor(app.database.db, null);
		const message = { topic: 'other', email: 'flood@example.com', message: 'Encore un message identique.' };
		for (let index = 0; index < 3; index++) await sendContactMessage(visitor, app.rateLimiter, message, `10.0.1.${index}`);
		await expect(sendContactMessage(visitor, app.rateLimiter, message, '10.0.1.9')).rejects.toMatchObject({ code: 'rate_limited' });
		expect(await openContactMessages(app.database.db)).toBe(4);
	});

	it('administrators read the messages and mark them handled, once', async () => {
		await expect(listContactMessages(contextFor(app.database.db, moderator))).rejects.toMatchObject({ code: 'forbidden' });
		const messages = await listContactMessages(contextFor(app.database.db, administrator));
		const first = messages.find((message) => message.email === 'awa@example.sn')!;
		await markContactMessageHandled(contextFor(app.database.db, administrator), first.id);
		await expect(markContactMessageHandled(contextFor(app.database.db, administrator), first.id)).rejects.toMatchObject({ code: 'not_found' });
		const after = await listContactMessages(contextFor(app.database.db, administrator));
		expect(after.at(-1)?.id).toBe(first.id); // handled ones last
		expect(await openContactMessages(app.database.db)).toBe(3);
	});

	it('are in the sender’s data export and go with the account; a message handled over a year ago goes at the next one', async () => {
		const sender = await aPerson(app.database.db, { email: 'Fatou.Diallo@example.sn' });
		const asSender = contextFor(app.database.db, sender);
		await sendContactMessage(asSender, app.rateLimiter, { topic: 'other', email: 'fatou.diallo@example.sn', message: 'Je voudrais corriger mon profil.' }, '10.0.0.9');
		const exported = await exportMyData(contextFor(app.database.db, sender.actor, { audit: systemContext('web') }));
		expect(exported.contactMessages).toEqual([expect.objectContaining({ topic: 'other', message: 'Je voudrais corriger mon profil.' })]);

		// an old handled message (another sender) is removed when the next message comes
		const [old] = await app.database.db
			.insert(contactMessage)
			.values({ topic: 'other', email: 'old@example.ma', message: 'Un ancien message traité.', language: 'fr', createdAt: new Date('2025-01-01'), handledAt: new Date('2025-01-02') })
			.returning();
		await sendContactMessage(asSender, app.rateLimiter, { topic: 'other', email: 'fatou.diallo@example.sn', message: 'Un second message, pour voir.' }, '10.0.0.9');
		expect(await app.database.db.select().from(contactMessage).where(eq(contactMessage.id, old.id))).toHaveLength(0);

		await deleteMyAccount(contextFor(app.database.db, sender.actor, { audit: systemContext('web') }), app);
		expect(await app.database.db.select().from(contactMessage).where(sql`lower(${contactMessage.email}) = 'fatou.diallo@example.sn'`)).toHaveLength(0);
		const [closing] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'account.delete'), eq(auditEvent.resourceId, sender.actor.userId)));
		expect(JSON.stringify(closing.after)).toContain('contact_messages');
	});
});
