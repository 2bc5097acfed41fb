// Matching: cases whose right order is known by construction (each group of profiles differs in one
// criterion only), consent and access rules, and the SQL score checked against the explanation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { AuditContext } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { approveOffer, closeOffer, createOffer, publishOffer } from '../jobs.service.ts';
import { jobOffer, type RequiredLanguage } from '../job-offer.table.ts';
import { jobApplication, seekerProfile } from '../seekers/seekers.table.ts';
import type { ConsentScope } from '../seekers/seekers.model.ts';
import { candidateReference, rankCandidates, recommendOffers } from './matching.service.ts';
import { explainMatch } from './matching.score.ts';

let app: TestApp;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };
const db = () => app.database.db;

async function employerOrganisation(name: string) {
	const [row] = await db().insert(organisation).values({ slug: `employer-${crypto.randomUUID().slice(0, 8)}`, name, type: 'employer' }).returning();
	return row.id;
}

interface SeekerShape {
	occupationCodes?: string[];
	skills?: string[];
	languages?: RequiredLanguage[];
	placeCodes?: string[];
	availability?: 'immediately' | 'within_month' | 'later';
	consent?: ConsentScope | null;
	residenceStatus?: 'regularised_immigrant' | 'refugee' | 'moroccan' | 'returning_moroccan';
}

/** A job seeker; the defaults are the same for everyone, so a case changes one criterion only. */
async function seeker(shape: SeekerShape = {}): Promise<string> {
	const { userId } = (await aPerson(db(), { role: 'member' })).actor;
	const consent = shape.consent === undefined ? 'employers' : shape.consent;
	await db()
		.insert(seekerProfile)
		.values({
			userId,
			nationality: 'SN',
			residenceStatus: shape.residenceStatus ?? 'regularised_immigrant',
			occupationCodes: shape.occupationCodes ?? ['7112'],
			skills: shape.skills ?? [],
			languages: shape.languages ?? [],
			placeCodes: shape.placeCodes ?? ['MA-CAS'],
			availability: shape.availability ?? 'later',
			consentScope: consent,
			consentAt: consent ? new Date() : null
		});
	return userId;
}

let employer: Actor;
let otherEmployer: Actor;
let notEmployer: Actor;
let counsellor: Actor;
let organisationId: string;

const base = {
	description: 'Chantier de logements.',
	city: 'Tanger',
	contractType: 'cdd' as const,
	workingTime: 'full_time' as const,
	closingDate: '2099-01-01'
};

/** A published offer of the employer (their first is approved by the counsellor: then they publish at once). */
async function offer(fields: Partial<{ title: string; occupationCode: string; skills: string[]; languages: RequiredLanguage[]; regionCode: string; provinceCode: string | null; openToForeigners: boolean }> = {}) {
	const created = await createOffer(contextFor(db(), employer, { audit: web }), organisationId, {
		...base,
		title: fields.title ?? 'Maçon',
		occupationCode: fields.occupationCode ?? '7112',
		skills: fields.skills ?? [],
		languages: fields.languages ?? [],
		regionCode: fields.regionCode ?? 'MA-01',
		provinceCode: fields.provinceCode === undefined ? 'MA-TNG' : fields.provinceCode,
		openToForeigners: fields.openToForeigners ?? true
	});
	const published = await publishOffer(contextFor(db(), employer, { audit: web }), created.id);
	if (published.status === 'pending_validation') await approveOffer(contextFor(db(), counsellor, { audit: web }), created.id);
	return created.id;
}

/** The counsellor's ranking of an offer (everyone consenting), as user ids in order, with scores. */
async function ranking(offerId: string, actor: Actor = counsellor) {
	const result = await rankCandidates(contextFor(db(), actor, { audit: web }), offerId, { page: 1, pageSize: 100 });
	return result;
}
const idsOf = (result: Awaited<ReturnType<typeof ranking>>) => result.items.map((item) => item.person!.id);
/** The order of `ids` in the ranking (those absent are left out). */
const orderOf = (ranked: string[], ids: string[]) => ranked.filter((id) => ids.includes(id));

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	organisationId = await employerOrganisation('Bâtiment du Nord');
	const otherId = await employerOrganisation('Autre employeur');
	const [ngo] = await db().insert(organisation).values({ slug: 'ngo-test', name: 'Une ONG', type: 'ngo' }).returning();
	employer = (await aPerson(db(), { role: 'partner', organisationIds: [organisationId] })).actor;
	otherEmployer = (await aPerson(db(), { role: 'partner', organisationIds: [otherId] })).actor;
	notEmployer = (await aPerson(db(), { role: 'partner', organisationIds: [ngo.id] })).actor;
	counsellor = (await aPerson(db(), { role: 'counsellor' })).actor;
});
afterAll(async () => {
	await app.close();
});

describe('candidates of an offer, in an order known by construction', () => {
	it('ranks by occupation: same unit group > same minor group > same sub-major group; others are not candidates', async () => {
		const offerId = await offer({ occupationCode: '7112' });
		const unit = await seeker({ occupationCodes: ['7112'] });
		const minor = await seeker({ occupationCodes: ['7115'] });
		const subMajor = await seeker({ occupationCodes: ['7122'] });
		const other = await seeker({ occupationCodes: ['5120'] });
		const result = await ranking(offerId);
		expect(orderOf(idsOf(result), [subMajor, minor, unit, other])).toEqual([unit, minor, subMajor]);
		const reasonsOf = (id: string) => result.items.find((item) => item.person!.id === id)!.reasons;
		expect(reasonsOf(unit)[0]).toMatchObject({ code: 'occupation_unit', points: 40, text: 'Même métier : Maçons (CITP 7112)' });
		expect(reasonsOf(minor)[0]).toMatchObject({ code: 'occupation_minor', points: 25, values: { group: '711' } });
		expect(reasonsOf(subMajor)[0]).toMatchObject({ code: 'occupation_sub_major', points: 12, values: { group: '71' } });
	});

	it('ranks by place: the offer’s province > its region (named, or another province of it) > elsewhere', async () => {
		const offerId = await offer({ occupationCode: '7113', regionCode: 'MA-01', provinceCode: 'MA-TNG' });
		const common = { occupationCodes: ['7113'] };
		const province = await seeker({ ...common, placeCodes: ['MA-TNG'] });
		const regionNamed = await seeker({ ...common, placeCodes: ['MA-01'] });
		const otherProvince = await seeker({ ...common, placeCodes: ['MA-TET'] });
		const elsewhere = await seeker({ ...common, placeCodes: ['MA-CAS'] });
		const result = await ranking(offerId);
		const order = orderOf(idsOf(result), [elsewhere, otherProvince, regionNamed, province]);
		expect(order[0]).toBe(province);
		expect(order.slice(1, 3).sort()).toEqual([regionNamed, otherProvince].sort());
		expect(order[3]).toBe(elsewhere);
		const item = result.items.find((entry) => entry.person!.id === otherProvince)!;
		expect(item.reasons.find((reason) => reason.code.startsWith('place'))).toMatchObject({ code: 'place_region', points: 8, text: 'Même région : Tanger-Tétouan-Al Hoceima' });
	});

	it('ranks by skills in common (accents and case ignored): more first', async () => {
		const offerId = await offer({ occupationCode: '7114', skills: ['maçonnerie', 'coffrage', 'lecture de plans'] });
		const common = { occupationCodes: ['7114'] };
		const three = await seeker({ ...common, skills: ['MACONNERIE', 'Coffrage', 'lecture  de plans', 'soudure'] });
		const two = await seeker({ ...common, skills: ['maçonnerie', 'coffrage'] });
		const one = await seeker({ ...common, skills: ['Lecture de plans'] });
		const none = await seeker({ ...common, skills: ['cuisine'] });
		const result = await ranking(offerId);
		expect(orderOf(idsOf(result), [none, one, two, three])).toEqual([three, two, one, none]);
		const item = result.items.find((entry) => entry.person!.id === two)!;
		expect(item.reasons.find((reason) => reason.code === 'skills_common')).toMatchObject({
			points: 13,
			values: { count: 2, total: 3, skills: ['maçonnerie', 'coffrage'] },
			text: '2 compétences en commun sur 3 : maçonnerie, coffrage'
		});
	});

	it('also finds people of another field who share a skill', async () => {
		const offerId = await offer({ occupationCode: '7111', skills: ['carrelage zellige'] });
		const sameSkill = await seeker({ occupationCodes: ['5120'], skills: ['Carrelage Zellige'] });
		const nothing = await seeker({ occupationCodes: ['5120'], skills: ['cuisine'] });
		const ids = idsOf(await ranking(offerId));
		expect(ids).toContain(sameSkill);
		expect(ids).not.toContain(nothing);
	});

	it('ranks by languages at the CEFR level asked: met > one level below (half) > missing', async () => {
		const offerId = await offer({ occupationCode: '7119', languages: [{ language: 'fr', level: 'B1' }] });
		const common = { occupationCodes: ['7119'] };
		const above = await seeker({ ...common, languages: [{ language: 'fr', level: 'C1' }] });
		const exact = await seeker({ ...common, languages: [{ language: 'fr', level: 'B1' }] });
		const below = await seeker({ ...common, languages: [{ language: 'fr', level: 'A2' }, { language: 'en', level: 'C2' }] });
		const twoBelow = await seeker({ ...common, languages: [{ language: 'fr', level: 'A1' }] });
		const none = await seeker({ ...common, languages: [{ language: 'ar', level: 'C2' }] });
		const result = await ranking(offerId);
		const order = orderOf(idsOf(result), [none, twoBelow, below, exact, above]);
		expect(order.slice(0, 2).sort()).toEqual([above, exact].sort());
		expect(order[2]).toBe(below);
		expect(order.slice(3).sort()).toEqual([twoBelow, none].sort());
		const reason = (id: string) => result.items.find((item) => item.person!.id === id)!.reasons.find((entry) => entry.code.startsWith('language'))!;
		expect(reason(exact)).toMatchObject({ code: 'language_met', points: 20, text: 'Langue : français B1 (requis : B1)' });
		expect(reason(below)).toMatchObject({ code: 'language_partial', points: 10, text: 'Langue : français A2, un niveau sous le niveau requis (B1)' });
		expect(reason(twoBelow)).toMatchObject({ code: 'language_missing', points: 0, text: 'Langue : français A1, insuffisant (requis : B1)' });
		expect(reason(none)).toMatchObject({ code: 'language_missing', points: 0, text: 'Langue : français non déclaré (requis : B1)' });
	});

	it('ranks by availability: immediately > within a month > later, and breaks ties by a stable order', async () => {
		const offerId = await offer({ occupationCode: '7111' });
		const common = { occupationCodes: ['7111'] };
		const later = await seeker({ ...common, availability: 'later' });
		const month = await seeker({ ...common, availability: 'within_month' });
		const now = await seeker({ ...common, availability: 'immediately' });
		const twin = await seeker({ ...common, availability: 'immediately' });
		const first = idsOf(await ranking(offerId));
		expect(orderOf(first, [later, month, now, twin])).toEqual([...[now, twin].sort(), month, later]);
		expect(idsOf(await ranking(offerId))).toEqual(first);
	});

	it('weighs occupation above everything else together only as documented (a sub-major match with all the rest can pass a bare unit match)', async () => {
		const offerId = await offer({ occupationCode: '7115', skills: ['menuiserie'], languages: [{ language: 'fr', level: 'A2' }] });
		const bare = await seeker({ occupationCodes: ['7115'], languages: [], placeCodes: ['MA-CAS'], availability: 'later' });
		const close = await seeker({ occupationCodes: ['7122'], skills: ['menuiserie'], languages: [{ language: 'fr', level: 'B2' }], placeCodes: ['MA-TNG'], availability: 'immediately' });
		const result = await ranking(offerId);
		const scoreOf = (id: string) => result.items.find((item) => item.person!.id === id)!.score;
		expect(scoreOf(bare)).toBe(40);
		expect(scoreOf(close)).toBe(12 + 20 + 20 + 15 + 5);
		expect(orderOf(idsOf(result), [bare, close])).toEqual([close, bare]);
	});

	it('gives every page exactly the global order, also when lower occupation tiers are skipped', async () => {
		// ICT (25xx): a field no other case uses. Ties on purpose (equal profiles) to test the order by id.
		const offerFacts = { occupationCode: '2512', skills: ['java', 'sql'], languages: [{ language: 'fr' as const, level: 'B2' as const }], regionCode: 'MA-06', provinceCode: 'MA-CAS' };
		const offerId = await offer(offerFacts);
		const shapes: SeekerShape[] = [];
		for (let index = 0; index < 24; index++) {
			shapes.push({
				occupationCodes: [['2512'], ['2513'], ['2521'], ['4132']][index % 4],
				skills: [['java', 'sql'], ['java'], [], ['sql', 'excel']][Math.floor(index / 4) % 4],
				languages: index % 3 ? [{ language: 'fr', level: (['A2', 'B1', 'C1'] as const)[index % 3] }] : [],
				placeCodes: [['MA-CAS'], ['MA-06'], ['MA-RAB']][index % 3],
				availability: (['immediately', 'within_month', 'later'] as const)[Math.floor(index / 2) % 3]
			});
		}
		const people = [];
		for (const shape of [...shapes, shapes[0], shapes[0], shapes[5]]) people.push({ id: await seeker(shape), shape });
		const expected = people
			.map(({ id, shape }) => ({
				id,
				score: explainMatch(
					{ ...offerFacts, skillKeys: offerFacts.skills },
					{ occupationCodes: shape.occupationCodes!, skillKeys: shape.skills!, languages: shape.languages!, placeCodes: shape.placeCodes!, availability: shape.availability! }
				).score,
				related: shape.occupationCodes![0].startsWith('25') || shape.skills!.some((skill) => offerFacts.skills.includes(skill))
			}))
			.filter((entry) => entry.related)
			.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
		const all = await ranking(offerId);
		expect(all.items.map((item) => [item.person!.id, item.score])).toEqual(expected.map((entry) => [entry.id, entry.score]));
		for (const pageSize of [1, 3, 7]) {
			const paged = [];
			for (let page = 1; (page - 1) * pageSize < expected.length; page++) {
				paged.push(...(await rankCandidates(contextFor(db(), counsellor, { audit: web }), offerId, { page, pageSize })).items.map((item) => item.person!.id));
			}
			expect(paged, `pages of ${pageSize}`).toEqual(expected.map((entry) => entry.id));
		}
	});

	it('pages through the ranking without gaps or repeats', async () => {
		const offerId = await offer({ occupationCode: '7112' });
		const all = idsOf(await ranking(offerId));
		expect(all.length).toBeGreaterThan(5);
		const pages = [];
		for (let page = 1; page <= Math.ceil(all.length / 2); page++) {
			const result = await rankCandidates(contextFor(db(), counsellor, { audit: web }), offerId, { page, pageSize: 2 });
			expect(result.total).toBe(all.length);
			pages.push(...result.items.map((item) => ({ id: item.person!.id, rank: item.rank })));
		}
		expect(pages.map((entry) => entry.id)).toEqual(all);
		expect(pages.map((entry) => entry.rank)).toEqual(all.map((_, index) => index + 1));
	});
});

describe('who sees which candidates', () => {
	it('employers see only people who consented to employers, as a pseudonymous card; counsellors see both consents with names', async () => {
		const offerId = await offer({ occupationCode: '7126' });
		const toEmployers = await seeker({ occupationCodes: ['7126'], consent: 'employers' });
		const toCounsellors = await seeker({ occupationCodes: ['7126'], consent: 'counsellors' });
		const nobody = await seeker({ occupationCodes: ['7126'], consent: null });

		const byEmployer = await rankCandidates(contextFor(db(), employer, { audit: web }), offerId, { page: 1, pageSize: 100 });
		expect(byEmployer.viewer).toBe('employer');
		const references = byEmployer.items.map((item) => item.reference);
		expect(references).toContain(candidateReference(offerId, toEmployers));
		expect(references).not.toContain(candidateReference(offerId, toCounsellors));
		expect(references).not.toContain(candidateReference(offerId, nobody));
		for (const item of byEmployer.items) expect(item.person).toBeNull();
		expect(JSON.stringify(byEmployer)).not.toContain(toEmployers);
		expect(JSON.stringify(byEmployer)).not.toMatch(/@example\.ma|regularised_immigrant|"SN"/);

		const byCounsellor = idsOf(await ranking(offerId));
		expect(byCounsellor).toContain(toEmployers);
		expect(byCounsellor).toContain(toCounsellors);
		expect(byCounsellor).not.toContain(nobody);
		// the same person has the same reference for both, and another one for another offer
		const counsellorView = await ranking(offerId);
		expect(counsellorView.items.find((item) => item.person!.id === toEmployers)!.reference).toBe(candidateReference(offerId, toEmployers));
		expect(candidateReference(offerId, toEmployers)).not.toBe(candidateReference(await offer({ occupationCode: '7126' }), toEmployers));
	});

	it('another employer, a partner who is not an employer, a member and an administrator are refused', async () => {
		const offerId = await offer({ occupationCode: '7126' });
		await expect(rankCandidates(contextFor(db(), otherEmployer, { audit: web }), offerId, { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'not_found' });
		await expect(rankCandidates(contextFor(db(), notEmployer, { audit: web }), offerId, { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'not_found' });
		const member = (await aPerson(db(), { role: 'member' })).actor;
		await expect(rankCandidates(contextFor(db(), member, { audit: web }), offerId, { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'forbidden' });
		const administrator = (await aPerson(db(), { role: 'administrator' })).actor;
		await expect(rankCandidates(contextFor(db(), administrator, { audit: web }), offerId, { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(rankCandidates(contextFor(db(), null, { audit: web }), offerId, { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'unauthenticated' });
		await expect(rankCandidates(contextFor(db(), employer, { audit: web }), 'not-a-uuid', { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'not_found' });
		// a draft is its employer's alone
		const draft = await createOffer(contextFor(db(), employer, { audit: web }), organisationId, { ...base, title: 'brouillon', occupationCode: '7126', skills: [], languages: [], regionCode: 'MA-01', provinceCode: null });
		expect((await rankCandidates(contextFor(db(), employer, { audit: web }), draft.id, { page: 1, pageSize: 20 })).offer.status).toBe('draft');
		await expect(rankCandidates(contextFor(db(), counsellor, { audit: web }), draft.id, { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'not_found' });
	});

	it('an offer not open to foreigners lists Moroccans only', async () => {
		const offerId = await offer({ occupationCode: '7131', openToForeigners: false });
		const refugee = await seeker({ occupationCodes: ['7131'], residenceStatus: 'refugee' });
		const moroccan = await seeker({ occupationCodes: ['7131'], residenceStatus: 'moroccan' });
		const returning = await seeker({ occupationCodes: ['7131'], residenceStatus: 'returning_moroccan' });
		const ids = idsOf(await ranking(offerId));
		expect(ids).not.toContain(refugee);
		expect(ids).toEqual(expect.arrayContaining([moroccan, returning]));
	});

	it('records each listing in the audit trail with the people shown, and nothing when nobody is shown', async () => {
		const offerId = await offer({ occupationCode: '3411' });
		const shown = await seeker({ occupationCodes: ['3411'] });
		const context: AuditContext = { actorUserId: employer.userId, actorLabel: 'employer', channel: 'api' };
		await rankCandidates(contextFor(db(), employer, { audit: context }), offerId, { page: 1, pageSize: 20 });
		const events = await db()
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.actorUserId, employer.userId)));
		const event = events.find((row) => (row.after as { view: string }).view === `job_offer_candidates:${offerId}`);
		expect(event).toBeDefined();
		expect((event!.after as { ids: string[] }).ids).toEqual([shown]);

		const empty = await offer({ occupationCode: '2111' });
		const before = (await db().select().from(auditEvent).where(eq(auditEvent.action, 'personal_data.read'))).length;
		expect((await rankCandidates(contextFor(db(), employer, { audit: context }), empty, { page: 1, pageSize: 20 })).items).toEqual([]);
		expect((await db().select().from(auditEvent).where(eq(auditEvent.action, 'personal_data.read'))).length).toBe(before);
	});

	it('tells the employer who applied, with the application to open', async () => {
		const offerId = await offer({ occupationCode: '7133' });
		const applicant = await seeker({ occupationCodes: ['7133'] });
		const [application] = await db().insert(jobApplication).values({ offerId, userId: applicant, sharedAt: new Date() }).returning();
		const result = await rankCandidates(contextFor(db(), employer, { audit: web }), offerId, { page: 1, pageSize: 20 });
		expect(result.items.find((item) => item.reference === candidateReference(offerId, applicant))!.application).toEqual({ id: application.id });
	});
});

describe('offers recommended to a seeker', () => {
	it('ranks published, open offers by the same score, and leaves out closed, expired, draft and pending ones', async () => {
		const code = '7211';
		const unit = await offer({ title: 'unit', occupationCode: code });
		const minor = await offer({ title: 'minor', occupationCode: '7212' });
		const subMajor = await offer({ title: 'subMajor', occupationCode: '7221' });
		const unrelated = await offer({ title: 'unrelated', occupationCode: '5120' });
		const closed = await offer({ title: 'closed', occupationCode: code });
		await closeOffer(contextFor(db(), employer, { audit: web }), closed);
		const expired = await offer({ title: 'expired', occupationCode: code });
		await db().update(jobOffer).set({ closingDate: '2020-01-01' }).where(eq(jobOffer.id, expired));
		const draft = await createOffer(contextFor(db(), employer, { audit: web }), organisationId, { ...base, title: 'draft', occupationCode: code, skills: [], languages: [], regionCode: 'MA-01', provinceCode: null });
		const pendingOrg = await employerOrganisation('Nouvel employeur');
		const newEmployer = (await aPerson(db(), { role: 'partner', organisationIds: [pendingOrg] })).actor;
		const pending = await createOffer(contextFor(db(), newEmployer, { audit: web }), pendingOrg, { ...base, title: 'pending', occupationCode: code, skills: [], languages: [], regionCode: 'MA-01', provinceCode: null });
		await publishOffer(contextFor(db(), newEmployer, { audit: web }), pending.id);

		const me = await seeker({ occupationCodes: [code], placeCodes: ['MA-TNG'] });
		const actor: Actor = { userId: me, role: 'member', organisationIds: [] };
		const result = await recommendOffers(contextFor(db(), actor), { limit: 50 });
		expect(result.profile).toBe(true);
		const ids = result.items.map((item) => item.offer.id);
		expect(orderOf(ids, [subMajor, minor, unit])).toEqual([unit, minor, subMajor]);
		for (const hidden of [unrelated, closed, expired, draft.id, pending.id]) expect(ids).not.toContain(hidden);
		const first = result.items.find((item) => item.offer.id === unit)!;
		expect(first.reasons.map((reason) => reason.code)).toEqual(['occupation_unit', 'languages_none_required', 'place_province', 'availability']);
		expect(first.score).toBe(40 + 20 + 15 + 0);
	});

	it('does not show a foreigner offers closed to foreigners', async () => {
		const closedToForeigners = await offer({ occupationCode: '7213', openToForeigners: false });
		const refugee = await seeker({ occupationCodes: ['7213'], residenceStatus: 'refugee' });
		const moroccan = await seeker({ occupationCodes: ['7213'], residenceStatus: 'moroccan' });
		const idsFor = async (userId: string) => (await recommendOffers(contextFor(db(), { userId, role: 'member', organisationIds: [] }), { limit: 50 })).items.map((item) => item.offer.id);
		expect(await idsFor(refugee)).not.toContain(closedToForeigners);
		expect(await idsFor(moroccan)).toContain(closedToForeigners);
	});

	it('answers without a profile, and refuses anyone but a member', async () => {
		const member = (await aPerson(db(), { role: 'member' })).actor;
		expect(await recommendOffers(contextFor(db(), member), { limit: 20 })).toEqual({ profile: false, items: [] });
		await expect(recommendOffers(contextFor(db(), employer), { limit: 20 })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(recommendOffers(contextFor(db(), counsellor), { limit: 20 })).rejects.toMatchObject({ code: 'forbidden' });
	});
});

describe('the SQL score and the explanation agree', () => {
	it('on every pair of a varied set of offers and profiles, both ways', async () => {
		const languages: RequiredLanguage[][] = [[], [{ language: 'fr', level: 'B1' }], [{ language: 'fr', level: 'A2' }, { language: 'ary', level: 'B2' }, { language: 'en', level: 'C1' }]];
		const offers: string[] = [];
		for (let index = 0; index < 6; index++) {
			offers.push(
				await offer({
					occupationCode: ['8331', '8332', '8322', '8341'][index % 4],
					skills: index % 3 === 0 ? [] : ['Permis C', 'livraison', 'mécanique'].slice(0, 1 + (index % 3)),
					languages: languages[index % 3],
					regionCode: index % 2 ? 'MA-06' : 'MA-01',
					provinceCode: index % 2 ? (index % 4 === 1 ? null : 'MA-CAS') : 'MA-TNG'
				})
			);
		}
		const profiles: string[] = [];
		const levels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
		for (let index = 0; index < 12; index++) {
			profiles.push(
				await seeker({
					occupationCodes: [['8332'], ['8331', '9333'], ['8322'], ['8344'], ['8211', '8332']][index % 5],
					skills: [['permis c'], ['Livraison', 'MECANIQUE'], [], ['permis C', 'livraison', 'mecanique', 'soudure']][index % 4],
					languages: index % 3 === 0 ? [] : [{ language: 'fr', level: levels[index % 6] }, { language: 'en', level: levels[(index + 3) % 6] }],
					placeCodes: [['MA-TNG'], ['MA-06'], ['MA-CAS', 'MA-01'], [], ['MA-MAR']][index % 5],
					availability: (['immediately', 'within_month', 'later'] as const)[index % 3]
				})
			);
		}
		let compared = 0;
		for (const offerId of offers) {
			const result = await ranking(offerId);
			for (const item of result.items) {
				expect(item.reasons.reduce((sum, reason) => sum + reason.points, 0), `offer ${offerId}, person ${item.person!.id}`).toBe(item.score);
				if (profiles.includes(item.person!.id)) compared++;
			}
		}
		for (const userId of profiles) {
			const result = await recommendOffers(contextFor(db(), { userId, role: 'member', organisationIds: [] }), { limit: 50 });
			for (const item of result.items) expect(item.reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(item.score);
			compared += result.items.filter((item) => offers.includes(item.offer.id)).length;
		}
		expect(compared).toBeGreaterThan(60);
	});

	it('explains a pair by hand as documented', () => {
		const result = explainMatch(
			{ occupationCode: '7112', skills: ['Maçonnerie', 'coffrage', 'lecture de plans'], skillKeys: ['maconnerie', 'coffrage', 'lecture de plans'], languages: [{ language: 'fr', level: 'B1' }, { language: 'ary', level: 'A2' }], regionCode: 'MA-01', provinceCode: 'MA-TNG' },
			{ occupationCodes: ['7122', '7113'], skillKeys: ['coffrage'], languages: [{ language: 'fr', level: 'A2' }, { language: 'ary', level: 'C2' }], placeCodes: ['MA-TET'], availability: 'within_month' }
		);
		expect(result.reasons).toEqual([
			{ code: 'occupation_minor', points: 25, values: { group: '711' } },
			{ code: 'skills_common', points: 6, values: { count: 1, total: 3, skills: ['coffrage'] } },
			{ code: 'language_partial', points: 5, values: { language: 'fr', level: 'A2', required: 'B1' } },
			{ code: 'language_met', points: 10, values: { language: 'ary', level: 'C2', required: 'A2' } },
			{ code: 'place_region', points: 8, values: { place: 'MA-01' } },
			{ code: 'availability', points: 3, values: { availability: 'within_month' } }
		]);
		expect(result.score).toBe(57);
	});
});
