import { slugify } from '../text/slug.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor } from '../testing/people.ts';
import { user, organisationMember } from './accounts.table.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import {
	listOrganisations,
	getOrganisation,
	listOrganisationMembers,
	createOrganisation,
	updateOrganisation,
	addOrganisationMember,
	removeOrganisationMember
} from './organisation.service.ts';
import { OrganisationCreate, OrganisationListQuery, OrganisationUpdate } from './organisation.schemas.ts';
import type { AuditContext } from '../audit/audit.service.ts';
import type { Actor } from '../policy/policy.ts';
import { AppError } from '../http/app-error.ts';

let app: TestApp;
const context: AuditContext = { actorUserId: 'mod-1', actorLabel: 'mod@example.ma', channel: 'web', requestId: 'r1', ip: null };
const moderator: Actor = { userId: 'mod-1', role: 'moderator', organisationIds: [] };
const partner: Actor = { userId: 'partner-1', role: 'partner', organisationIds: [] };

async function caught(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => null,
		(failure: unknown) => failure
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}

const create = (input: Record<string, unknown>, actor: Actor = moderator) =>
	createOrganisation(contextFor(app.database.db, actor, { audit: context }), OrganisationCreate.parse(input));

async function eventsFor(resourceId: string) {
	return app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, resourceId)).orderBy(auditEvent.id);
}

beforeAll(async () => {
	app = await createTestApp();
});

afterAll(async () => {
	await app?.close();
});

describe('slugs', () => {
	it('derives readable ASCII slugs', () => {
		expect(slugify('ANAPEC')).toBe('anapec');
		expect(slugify('M&D')).toBe('m-d');
		expect(slugify('Délégation de l’Union européenne')).toBe('delegation-de-l-union-europeenne');
		expect(slugify('وزارة')).toBe('');
	});
});

describe('creating an organisation', () => {
	it('creates it with a slug from the acronym and records the creation', async () => {
		const created = await create({ name: 'Agence nationale de promotion de l’emploi', acronym: 'ANAPEC', type: 'public_agency', website: 'https://www.anapec.org' });
		expect(created).toMatchObject({ slug: 'anapec', country: 'MA', website: 'https://www.anapec.org', type: 'public_agency' });
		const [event] = await eventsFor(created.id);
		expect(event).toMatchObject({ action: 'organisation.create', resourceType: 'organisation', actorUserId: 'mod-1', channel: 'web' });
		expect(event.after).toMatchObject({ slug: 'anapec', name: 'Agence nationale de promotion de l’emploi' });
	});

	it('uses the name when there is no acronym, and an explicit slug when given', async () => {
		expect((await create({ name: 'Migration et Développement', type: 'ngo' })).slug).toBe('migration-et-developpement');
		expect((await create({ name: 'Organisation internationale pour les migrations', acronym: 'OIM', type: 'un_agency', slug: 'oim-maroc' })).slug).toBe('oim-maroc');
	});

	it('answers 409 conflict on a slug already used, and creates nothing', async () => {
		const error = await caught(create({ name: 'Another ANAPEC', acronym: 'anapec', type: 'other' }));
		expect(error.code).toBe('conflict');
		expect(error.status).toBe(409);
		expect(error.fields.map((field) => field.path)).toEqual(['slug']);
		const list = await listOrganisations(app.database.db, OrganisationListQuery.parse({ q: 'Another' }));
		expect(list.total).toBe(0);
	});

	it('asks for a slug when none can be derived (name only in Arabic)', async () => {
		const error = await caught(create({ name: 'جمعية التنمية', type: 'ngo' }));
		expect(error.code).toBe('invalid_input');
		expect(error.fields).toEqual([{ path: 'slug', messageKey: 'field_required' }]);
		const created = await create({ name: 'جمعية التنمية', type: 'ngo', slug: 'jamiyat-at-tanmiya' });
		expect(created.name).toBe('جمعية التنمية');
	});

	it('is refused to people who may not manage organisations', async () => {
		expect((await caught(create({ name: 'Partner NGO', type: 'ngo' }, partner))).code).toBe('forbidden');
	});
});

describe('reading organisations', () => {
	it('filters by words (accents ignored), type and country, and pages in name order', async () => {
		await create({ name: 'Expertise France', acronym: 'EF', type: 'cooperation_agency', country: 'FR' });
		await create({ name: 'Deutsche Gesellschaft für Internationale Zusammenarbeit', acronym: 'GIZ', type: 'cooperation_agency', country: 'DE' });

		const byWords = await listOrganisations(app.database.db, OrganisationListQuery.parse({ q: 'developpement' }));
		expect(byWords.items.map((o) => o.slug)).toEqual(['migration-et-developpement']);
		const byAcronym = await listOrganisations(app.database.db, OrganisationListQuery.parse({ q: 'giz' }));
		expect(byAcronym.items.map((o) => o.slug)).toEqual(['giz']);
		const agencies = await listOrganisations(app.database.db, OrganisationListQuery.parse({ type: 'cooperation_agency' }));
		expect(agencies.items.map((o) => o.slug)).toEqual(['giz', 'ef']);
		const german = await listOrganisations(app.database.db, OrganisationListQuery.parse({ country: 'de' }));
		expect(german.items.map((o) => o.slug)).toEqual(['giz']);

		const all = await listOrganisations(app.database.db, OrganisationListQuery.parse({ pageSize: '2', page: '2' }));
		expect(all.total).toBe(6);
		expect(all.items).toHaveLength(2);
	});

	it('finds one by id or by slug, else not_found', async () => {
		const bySlug = await getOrganisation(app.database.db, 'GIZ');
		expect((await getOrganisation(app.database.db, bySlug.id)).slug).toBe('giz');
		expect((await caught(getOrganisation(app.database.db, 'no-such-organisation'))).code).toBe('not_found');
		expect((await caught(getOrganisation(app.database.db, '00000000-0000-4000-8000-000000000000'))).code).toBe('not_found');
	});
});

describe('updating an organisation', () => {
	it('changes only the given fields and records just those, before and after', async () => {
		const giz = await getOrganisation(app.database.db, 'giz');
		const updated = await updateOrganisation(
			contextFor(app.database.db, moderator, { audit: context }),
			giz.id,
			OrganisationUpdate.parse({ website: 'https://www.giz.de', acronym: 'GIZ' })
		);
		expect(updated).toMatchObject({ website: 'https://www.giz.de', acronym: 'GIZ', country: 'DE' });
		expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(giz.updatedAt.getTime());
		const events = await eventsFor(giz.id);
		expect(events.at(-1)).toMatchObject({ action: 'organisation.update', before: { website: null }, after: { website: 'https://www.giz.de' } });
	});

	it('says the country is not known with an empty value, and sets it again', async () => {
		const giz = await getOrganisation(app.database.db, 'giz');
		const ctx = contextFor(app.database.db, moderator, { audit: context });
		expect((await updateOrganisation(ctx, giz.id, OrganisationUpdate.parse({ country: '' }))).country).toBeNull();
		expect((await eventsFor(giz.id)).at(-1)).toMatchObject({ before: { country: 'DE' }, after: { country: null } });
		expect((await updateOrganisation(ctx, giz.id, OrganisationUpdate.parse({ country: 'de' }))).country).toBe('DE');
	});

	it('clears the website with an empty value', async () => {
		const giz = await getOrganisation(app.database.db, 'giz');
		const updated = await updateOrganisation(contextFor(app.database.db, moderator, { audit: context }), giz.id, OrganisationUpdate.parse({ website: '' }));
		expect(updated.website).toBeNull();
	});

	it('records nothing when nothing changes', async () => {
		const giz = await getOrganisation(app.database.db, 'giz');
		const before = (await eventsFor(giz.id)).length;
		await updateOrganisation(contextFor(app.database.db, moderator, { audit: context }), giz.id, OrganisationUpdate.parse({ name: giz.name }));
		expect((await eventsFor(giz.id)).length).toBe(before);
	});

	it('refuses a slug that another organisation has (409), and unknown ids (404)', async () => {
		const giz = await getOrganisation(app.database.db, 'giz');
		const conflict = await caught(updateOrganisation(contextFor(app.database.db, moderator, { audit: context }), giz.id, OrganisationUpdate.parse({ slug: 'anapec' })));
		expect(conflict.code).toBe('conflict');
		expect((await getOrganisation(app.database.db, giz.id)).slug).toBe('giz');
		const missing = await caught(
			updateOrganisation(contextFor(app.database.db, moderator, { audit: context }), '00000000-0000-4000-8000-000000000000', OrganisationUpdate.parse({ name: 'X Y' }))
		);
		expect(missing.code).toBe('not_found');
		expect((await caught(updateOrganisation(contextFor(app.database.db, partner, { audit: context }), giz.id, { name: 'Taken over' }))).code).toBe('forbidden');
	});
});

describe('members', () => {
	it('adds a person by e-mail (any case), lists them, refuses a second time, and removes them', async () => {
		const anapec = await getOrganisation(app.database.db, 'anapec');
		const salma = (await aPerson(app.database.db, { name: 'Salma Conseillère', email: 'salma@anapec.example', role: 'counsellor' })).user;
		await addOrganisationMember(contextFor(app.database.db, moderator, { audit: context }), anapec.id, ' SALMA@anapec.example');
		expect((await listOrganisationMembers(app.database.db, anapec.id)).map((m) => m.email)).toEqual(['salma@anapec.example']);

		const again = await caught(addOrganisationMember(contextFor(app.database.db, moderator, { audit: context }), anapec.id, 'salma@anapec.example'));
		expect(again.code).toBe('conflict');

		await removeOrganisationMember(contextFor(app.database.db, moderator, { audit: context }), anapec.id, salma.id);
		expect(await listOrganisationMembers(app.database.db, anapec.id)).toEqual([]);
		const rows = await app.database.db
			.select()
			.from(organisationMember)
			.where(and(eq(organisationMember.organisationId, anapec.id), eq(organisationMember.userId, salma.id)));
		expect(rows).toEqual([]);

		const actions = (await eventsFor(anapec.id)).map((event) => [event.action, event.after ?? event.before]);
		expect(actions.slice(-2)).toEqual([
			['organisation.add_member', { userId: salma.id, email: 'salma@anapec.example' }],
			['organisation.remove_member', { userId: salma.id, email: 'salma@anapec.example' }]
		]);
	});

	it('answers not_found for an unknown e-mail, a person who is not a member, or an unknown organisation', async () => {
		const anapec = await getOrganisation(app.database.db, 'anapec');
		const unknown = await caught(addOrganisationMember(contextFor(app.database.db, moderator, { audit: context }), anapec.id, 'nobody@example.ma'));
		expect(unknown.code).toBe('not_found');
		expect(unknown.fields.map((field) => field.path)).toEqual(['email']);
		expect((await caught(removeOrganisationMember(contextFor(app.database.db, moderator, { audit: context }), anapec.id, 'not-a-member'))).code).toBe('not_found');
		expect(
			(await caught(addOrganisationMember(contextFor(app.database.db, moderator, { audit: context }), '00000000-0000-4000-8000-000000000000', 'x@example.ma'))).code
		).toBe('not_found');
	});

	it('is refused to people who may not manage organisations', async () => {
		const anapec = await getOrganisation(app.database.db, 'anapec');
		const person = (await aPerson(app.database.db, { name: 'Awa Membre', email: 'awa@example.ma' })).user;
		expect((await caught(addOrganisationMember(contextFor(app.database.db, partner, { audit: context }), anapec.id, person.email))).code).toBe('forbidden');
		expect((await caught(removeOrganisationMember(contextFor(app.database.db, partner, { audit: context }), anapec.id, person.id))).code).toBe('forbidden');
	});
});
