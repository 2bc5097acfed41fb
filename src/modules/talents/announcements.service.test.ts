import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import type { Mailer, MailMessage } from '../../platform/mail/mailer.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { listAnnouncements, postAnnouncement, sendAnnouncement, setAnnouncements, unsubscribeByToken } from './announcements.service.ts';
import { createNetwork, joinNetwork } from './networks.service.ts';
import { saveProfile } from './profile.service.ts';
import { networkMember } from './talents.table.ts';

let app: TestApp;
let coordinator: Actor;
let french: Person;
let arabic: Person;
let english: Person;
const queued: { name: string; data: { announcementId: string } }[] = [];
const queue = { send: async (name: string, data: object) => (queued.push({ name, data: data as { announcementId: string } }), 'job') };
const sent: MailMessage[] = [];
const mailer: Mailer = { send: async (message) => void sent.push(message) };

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return { code: error.code, fields: error.fields.map((field) => field.path) };
		throw error;
	}
};

async function aMember(locale: 'fr' | 'ar' | 'en') {
	const person = await aPerson(app.database.db, { locale });
	await saveProfile(contextFor(app.database.db, person), { hostCountry: 'DE' });
	await joinNetwork(contextFor(app.database.db, person), 'ingenieurs-allemagne');
	return person;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await createNetwork(contextFor(app.database.db, null), { slug: 'ingenieurs-allemagne', kind: 'skill', name: { fr: 'Ingénieurs en Allemagne', ar: 'المهندسون في ألمانيا' }, skill: 'engineering', joining: 'open' });
	const person = await aPerson(app.database.db);
	coordinator = { ...person.actor, grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: 'ingenieurs-allemagne' }] };
	french = await aMember('fr');
	arabic = await aMember('ar');
	english = await aMember('en');
});
afterAll(async () => app?.close());

describe('announcements to a network’s members', () => {
	it('are posted only by the network’s coordinators, whole in each language given', async () => {
		const other = { ...coordinator, grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: 'another' }] };
		const announcement = { subject: { fr: 'Réunion' }, body: { fr: 'Texte' } };
		expect(await refusal(postAnnouncement(contextFor(app.database.db, other), 'ingenieurs-allemagne', announcement, queue))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(postAnnouncement(contextFor(app.database.db, french), 'ingenieurs-allemagne', announcement, queue))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(postAnnouncement(contextFor(app.database.db, coordinator), 'ingenieurs-allemagne', { subject: { fr: 'Réunion', ar: 'اجتماع' }, body: { fr: 'Texte' } }, queue))).toEqual({ code: 'invalid_input', fields: ['body.ar'] });
		expect(await refusal(postAnnouncement(contextFor(app.database.db, coordinator), 'ingenieurs-allemagne', { subject: {}, body: {} }, queue))).toEqual({ code: 'invalid_input', fields: ['subject.fr', 'body.fr'] });
		expect(queued).toEqual([]);
	});

	it('reach each member in their language, or in a stand-in the e-mail names, with an unsubscribe link', async () => {
		const created = await postAnnouncement(
			contextFor(app.database.db, coordinator),
			'ingenieurs-allemagne',
			{ subject: { fr: 'Rencontre à Cologne', ar: 'لقاء في كولونيا' }, body: { fr: 'Rendez-vous le 12 mars.', ar: 'الموعد يوم 12 مارس.' } },
			queue
		);
		expect(queued).toEqual([{ name: 'talents.send-announcement', data: { announcementId: created.id } }]);
		expect(await sendAnnouncement(app.database.db, mailer, 'https://sharaka.test', created.id)).toBe(3);
		const to = (person: Person) => sent.find((message) => message.to === person.email)!;
		expect(to(french)).toMatchObject({ language: 'fr', subject: '[Ingénieurs en Allemagne] Rencontre à Cologne' });
		expect(to(french).text).toContain('Rendez-vous le 12 mars.');
		expect(to(arabic)).toMatchObject({ language: 'ar', subject: '[المهندسون في ألمانيا] لقاء في كولونيا' });
		expect(to(arabic).text).toContain('https://sharaka.test/ar/talents/unsubscribe?token=');
		// no English version: the French one, and the e-mail says so in English
		expect(to(english).language).toBe('en');
		expect(to(english).text).toContain('(Announcement written in French by the coordinators.)');
		// sent once: a retried job sends nothing more
		expect(await sendAnnouncement(app.database.db, mailer, 'https://sharaka.test', created.id)).toBe(0);
		expect((await listAnnouncements(contextFor(app.database.db, coordinator), 'ingenieurs-allemagne'))[0].recipients).toBe(3);
	});

	it('stop for a member who follows the unsubscribe link or turns them off', async () => {
		const link = sent.find((message) => message.to === arabic.email)!.text.match(/token=([0-9a-f-]{36})/)![1];
		await unsubscribeByToken(contextFor(app.database.db, null), link);
		expect(await refusal(unsubscribeByToken(contextFor(app.database.db, null), crypto.randomUUID()))).toMatchObject({ code: 'not_found' });
		await setAnnouncements(contextFor(app.database.db, english), 'ingenieurs-allemagne', false);
		const created = await postAnnouncement(contextFor(app.database.db, coordinator), 'ingenieurs-allemagne', { subject: { en: 'Second' }, body: { en: 'Text' } }, queue);
		sent.length = 0;
		expect(await sendAnnouncement(app.database.db, mailer, 'https://sharaka.test', created.id)).toBe(1);
		expect(sent.map((message) => message.to)).toEqual([french.email]);
		const [row] = await app.database.db.select().from(networkMember).where(eq(networkMember.userId, arabic.actor.userId));
		expect(row).toMatchObject({ status: 'member', announcements: false });
	});
});
