import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { consentHistory, getOwnProfile, listProfilesForMdcmre, listPublicCards, pendingSkillSuggestions, reviewSkillSuggestion, saveProfile, setConsent } from './profile.service.ts';
import { talentsPersonalData } from './personal-data.ts';
import { talentProfile } from './talents.table.ts';

let app: TestApp;
let amina: Person;
let moderator: Person;

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return { code: error.code, fields: (error.fields ?? []).map((field) => field.path).sort() };
		throw error;
	}
};

const aProfile = (over: Record<string, unknown> = {}) => ({
	hostCountry: 'DE',
	hostCity: 'Düsseldorf',
	nationalities: ['MA', 'DE'],
	originRegion: 'MA-02',
	occupationCode: '2211',
	skills: ['health', 'research'],
	newSkills: ['télémédecine'],
	sectors: ['health'],
	languages: [
		{ language: 'de', level: 'C2' },
		{ language: 'ary', level: 'C1' }
	],
	experienceYears: 12,
	generation: 'born_abroad',
	contributions: ['expert_mission', 'remote_mentoring'],
	remoteHoursPerMonth: 6,
	link: 'https://example.org/amina',
	...over
});

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	amina = await aPerson(app.database.db, { name: 'أمينة الإدريسي' });
	moderator = await aPerson(app.database.db, { role: 'moderator' });
});
afterAll(async () => app?.close());

describe('a talent’s profile', () => {
	it('refuses bad input with the fields’ paths and keeps nothing', async () => {
		const ctx = contextFor(app.database.db, amina);
		const result = await refusal(saveProfile(ctx, aProfile({ hostCountry: 'XX', skills: ['juggling'], link: 'ftp://x', languages: [{ language: 'de' }] })));
		expect(result).toMatchObject({ code: 'invalid_input', fields: ['hostCountry', 'link', 'skills.0'] });
		expect(await refusal(saveProfile(ctx, aProfile({ occupationCode: '9999', languages: [{ language: 'de' }] })))).toEqual({ code: 'invalid_input', fields: ['languages.0.level', 'occupationCode'] });
		expect(await getOwnProfile(ctx)).toBeNull();
	});

	it('is saved with an audit event naming the changed fields, and free skills wait for a moderator', async () => {
		const ctx = contextFor(app.database.db, amina);
		const saved = await saveProfile(ctx, aProfile());
		expect(saved).toMatchObject({ hostCountry: 'DE', occupationCode: '2211', consentLevel: null });
		const events = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceType, 'talent_profile'), eq(auditEvent.resourceId, amina.actor.userId)));
		expect(events.map((event) => event.action)).toEqual(['talent_profile.create']);
		expect(events[0].actorUserId).toBe(amina.actor.userId);
		const waiting = await pendingSkillSuggestions(contextFor(app.database.db, moderator));
		expect(waiting.map((entry) => entry.label)).toEqual(['télémédecine']);
		expect(await refusal(pendingSkillSuggestions(ctx))).toMatchObject({ code: 'forbidden' });
	});

	it('shows nobody publicly without the public-card consent, and a card only the fields chosen', async () => {
		const ctx = contextFor(app.database.db, amina);
		expect((await listPublicCards(app.database.db, {})).total).toBe(0);
		await setConsent(ctx, { level: 'institutions', cardFields: ['name', 'hostCountry'] });
		expect((await listPublicCards(app.database.db, {})).total).toBe(0);
		expect((await getOwnProfile(ctx))!.cardFields).toEqual([]);

		await setConsent(ctx, { level: 'public', cardFields: ['hostCountry', 'skills'] });
		const { items } = await listPublicCards(app.database.db, {});
		expect(items).toEqual([{ id: amina.actor.userId, isSample: false, hostCountry: 'DE', skills: ['health', 'research'], otherSkills: [] }]);
		// the filters find only what the card shows: her name and occupation are hidden
		expect((await listPublicCards(app.database.db, { country: 'DE', skill: 'health' })).total).toBe(1);
		expect((await listPublicCards(app.database.db, { occupation: '22' })).total).toBe(0);
		expect((await listPublicCards(app.database.db, { q: 'امينه' })).total).toBe(0);
	});

	it('finds a shown name with Arabic folded as on the rest of the platform', async () => {
		const ctx = contextFor(app.database.db, amina);
		await setConsent(ctx, { level: 'public', cardFields: ['name', 'hostCountry', 'occupation'] });
		const found = await listPublicCards(app.database.db, { q: 'امينه الادريسي' });
		expect(found.items.map((card) => card.name)).toEqual(['أمينة الإدريسي']);
		expect((await listPublicCards(app.database.db, { occupation: '22' })).total).toBe(1);
		expect(await refusal(listPublicCards(app.database.db, { country: 'Germany' }))).toEqual({ code: 'invalid_input', fields: ['country'] });
	});

	it('records every change of consent level, in the history and the audit trail', async () => {
		const ctx = contextFor(app.database.db, amina);
		await setConsent(ctx, { level: null });
		const history = await consentHistory(app.database.db, amina.actor.userId);
		expect(history.map((entry) => entry.level)).toEqual(['institutions', 'public', 'public', null]);
		const events = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceType, 'talent_profile'), eq(auditEvent.resourceId, amina.actor.userId)));
		expect(events.filter((event) => event.action.startsWith('talent_profile.consent'))).toHaveLength(4);
		expect((await listPublicCards(app.database.db, {})).total).toBe(0);
	});

	it('shows an accepted free skill on the card', async () => {
		const [waiting] = await pendingSkillSuggestions(contextFor(app.database.db, moderator));
		await reviewSkillSuggestion(contextFor(app.database.db, moderator), waiting.id, true);
		await setConsent(contextFor(app.database.db, amina), { level: 'public', cardFields: ['skills'] });
		const [card] = (await listPublicCards(app.database.db, {})).items;
		expect(card.otherSkills).toEqual(['télémédecine']);
	});

	it('is exported and erased with the account', async () => {
		const exported = await talentsPersonalData.export(app.database.db, amina.actor);
		expect(exported).toMatchObject({ talentProfile: { hostCountry: 'DE' }, talentSkillSuggestions: [{ label: 'télémédecine', status: 'accepted' }] });
		expect((exported.talentConsentHistory as unknown[]).length).toBe(5);
		await app.database.db.transaction((tx) => talentsPersonalData.erase(tx, amina.actor.userId, new Date(), { files: null as never }));
		expect(await app.database.db.select().from(talentProfile).where(eq(talentProfile.userId, amina.actor.userId))).toEqual([]);
		expect(await talentsPersonalData.export(app.database.db, amina.actor)).toMatchObject({ talentProfile: null, talentConsentHistory: [], talentSkillSuggestions: [], talentNetworks: [] });
	});
});

describe('the MDCMRE’s view of profiles', () => {
	it('shows moderators every consenting talent, records the read, and refuses members', async () => {
		const db = app.database.db;
		const [withConsent, without] = [await aPerson(db, { name: 'Salma Consent' }), await aPerson(db, { name: 'Rachid Private' })];
		for (const person of [withConsent, without]) await saveProfile(contextFor(db, person), aProfile({ hostCountry: 'NL', newSkills: [] }));
		await setConsent(contextFor(db, withConsent), { level: 'mdcmre' });
		const seen = await listProfilesForMdcmre(contextFor(db, moderator), { country: 'NL' });
		expect(seen.items.map((item) => item.name)).toEqual(['Salma Consent']);
		const reads = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.actorUserId, moderator.actor.userId)));
		expect(reads.at(-1)?.after).toEqual({ view: 'mdcmre_profiles', ids: [withConsent.actor.userId] });
		expect(await refusal(listProfilesForMdcmre(contextFor(db, withConsent), {}))).toMatchObject({ code: 'forbidden' });
	});
});
