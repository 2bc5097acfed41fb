// Issue #17 rule 10: an organisation of a file found only by its name (its IATI identifier unknown to the
// Atlas) or by its acronym alone is proposed; a moderator confirms or rejects it, audited; a moderator's
// import waits for the decisions, a partner's does not (its matches wait in the queue).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { moderationProposal } from '../../../platform/moderation/moderation.table.ts';
import { getInitiative } from '../initiative.service.ts';
import { atlasImportOrganisationRef } from './import.table.ts';
import { applyEnvOf, applyImport, createIatiImport, getImport } from './import.service.ts';
import { decideOrganisationMatches, importsWithUndecidedMatches } from './organisation-matches.ts';
import { atlasSpace } from '../my-space.ts';

let app: TestApp;
let partner: Actor;
let moderator: Actor;

async function* textStream(text: string) {
	yield new TextEncoder().encode(text);
}

const activity = (identifier: string, title: string) => `<iati-activity xml:lang="fr" default-currency="EUR">
	<iati-identifier>${identifier}</iati-identifier><title><narrative>${title}</narrative></title>
	<participating-org role="1" ref="XX-TEST-FTM" type="60"><narrative>Fondation Test Migrations</narrative></participating-org>
	<participating-org role="4" type="22"><narrative>FTM</narrative></participating-org>
	<participating-org role="4" type="22"><narrative>Fondation Test Migrations</narrative></participating-org>
	<activity-status code="2"/><activity-date type="2" iso-date="2024-01-01"/><recipient-country code="MA"/>
	<sector vocabulary="1" code="15190"/></iati-activity>`;
const file = (...activities: string[]) => `<?xml version="1.0" encoding="UTF-8"?><iati-activities version="2.03">${activities.join('')}</iati-activities>`;

const upload = (actor: Actor, xml: string) => createIatiImport(contextFor(app.database.db, actor), { fileName: 'matches.xml', body: textStream(xml) });
const view = (actor: Actor, id: string) => getImport(contextFor(app.database.db, actor), id, { pageSize: 100 });
const code = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return `${error.code}${(error.extra as { reason?: string } | undefined)?.reason ? `:${(error.extra as { reason: string }).reason}` : ''}`;
		throw error;
	}
};

beforeAll(async () => {
	app = await createTestApp({ PUBLIC_URL: 'https://sharaka.test' }, { referenceData: true });
	partner = (await aPerson(app.database.db, { email: 'partner@matches.test', role: 'partner', organisationSlugs: ['expertise-france'] })).actor;
	moderator = (await aPerson(app.database.db, { email: 'moderator@matches.test', role: 'moderator', organisationSlugs: ['mdcmre'] })).actor;
	await app.database.db.insert(organisation).values({ slug: 'fondation-test-migrations', name: 'Fondation Test Migrations', acronym: 'FTM', type: 'ngo', status: 'active', country: 'MA' });
});
afterAll(async () => {
	await app.settle();
	await app?.close();
});

describe('organisations matched by name only (issue 17, rule 10)', () => {
	it('proposes a name match with an unknown identifier and an acronym-only match, never a full name without identifier', async () => {
		const id = await upload(moderator, file(activity('XM-TEST-MATCH-1', 'Mobilité et emploi des migrants, test')));
		const { organisationMatches } = await view(moderator, id);
		expect(organisationMatches.map((match) => [match.name, match.ref, match.via, match.organisation.slug, match.decision]).sort((a, b) => String(a[2]).localeCompare(String(b[2])))).toEqual([
			['FTM', null, 'acronym', 'fondation-test-migrations', 'pending'],
			['Fondation Test Migrations', 'XX-TEST-FTM', 'name', 'fondation-test-migrations', 'pending']
		]);
		// the moderators' queue and their space count them
		expect((await importsWithUndecidedMatches(contextFor(app.database.db, moderator))).find((item) => item.id === id)?.waiting).toBe(2);
		const space = await atlasSpace(contextFor(app.database.db, moderator));
		expect(space.find((link) => link.path === '/atlas/moderation/organisations')?.waiting?.count).toBeGreaterThanOrEqual(2);
	});

	it('a moderator’s import waits for the decisions; partners may not decide; a wrong key changes nothing', async () => {
		const id = await upload(moderator, file(activity('XM-TEST-MATCH-2', 'Insertion des migrants, test des organisations')));
		const before = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvent);
		expect(await code(applyImport(contextFor(app.database.db, moderator), applyEnvOf(app), id, { all: 'all' }))).toBe('conflict:organisation_matches_undecided');
		expect(await code(decideOrganisationMatches(contextFor(app.database.db, partner), id, [{ key: 'XX-TEST-FTM|fondation test migrations', decision: 'confirmed' }]))).toBe('forbidden');
		expect(await code(decideOrganisationMatches(contextFor(app.database.db, moderator), id, [{ key: 'nothing', decision: 'confirmed' }]))).toBe('invalid_input');
		const after = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvent);
		expect(after[0].n).toBe(before[0].n);
		expect((await view(moderator, id)).import.status).toBe('previewed');
	});

	it('confirming binds the file’s identifier (audited); rejecting makes the file’s organisation one of its own; the next file asks nothing', async () => {
		const id = await upload(moderator, file(activity('XM-TEST-MATCH-3', 'Accompagnement des migrants, test des décisions')));
		const ctx = contextFor(app.database.db, moderator);
		const decided = await decideOrganisationMatches(ctx, id, [
			{ key: 'XX-TEST-FTM|fondation test migrations', decision: 'confirmed' },
			{ key: '|ftm', decision: 'rejected' }
		]);
		expect(decided).toBe(2);
		const audited = await app.database.db
			.select({ after: auditEvent.after })
			.from(auditEvent)
			.where(and(eq(auditEvent.action, 'atlas_import.organisation_match'), eq(auditEvent.resourceId, id)));
		expect(audited.map((event) => (event.after as { decision: string }).decision).sort()).toEqual(['confirmed', 'rejected']);
		const [bound] = await app.database.db.select().from(atlasImportOrganisationRef).where(eq(atlasImportOrganisationRef.ref, 'XX-TEST-FTM'));
		expect(bound).toBeTruthy();

		await applyImport(ctx, applyEnvOf(app), id, { all: 'all' });
		await app.settle();
		const [row] = (await view(moderator, id)).activities;
		expect(row.outcome).toBe('created');
		const created = await getInitiative(app.database.db, row.initiative!.slug);
		const slugs = created!.organisations.map((entry) => `${entry.role}:${entry.slug}`).sort();
		expect(slugs).toContain('funder:fondation-test-migrations');
		expect(slugs).toContain('implementer:fondation-test-migrations');
		// the acronym alone was another organisation: created on its own
		const other = slugs.filter((entry) => entry.startsWith('implementer:') && entry !== 'implementer:fondation-test-migrations');
		expect(other).toHaveLength(1);

		// the same organisations in another file: known by identifier, the rejection remembered — nothing to decide
		const next = await upload(moderator, file(activity('XM-TEST-MATCH-4', 'Accompagnement des migrants, deuxième test')));
		expect((await view(moderator, next)).organisationMatches).toEqual([]);
		expect(await code(applyImport(ctx, applyEnvOf(app), next, { all: 'all' }))).toBe('ok');
	});

	it('a partner’s import is applied before the decision: its proposal names the proposed organisation, the identifier is not bound', async () => {
		await app.database.db.insert(organisation).values({ slug: 'association-test-partenaire', name: 'Association Test Partenaire', acronym: 'ATP', type: 'ngo', status: 'active', country: 'MA' });
		const xml = file(`<iati-activity xml:lang="fr" default-currency="EUR">
			<iati-identifier>XM-TEST-MATCH-5</iati-identifier><title><narrative>Proposition d’un partenaire, test</narrative></title>
			<participating-org role="4" ref="XX-TEST-ATP" type="22"><narrative>Association Test Partenaire</narrative></participating-org>
			<activity-status code="2"/><recipient-country code="MA"/><sector vocabulary="1" code="15190"/></iati-activity>`);
		const id = await upload(partner, xml);
		expect((await view(partner, id)).organisationMatches.map((match) => match.decision)).toEqual(['pending']);
		await applyImport(contextFor(app.database.db, partner), applyEnvOf(app), id, { all: 'all' });
		await app.settle();
		const [row] = (await view(partner, id)).activities;
		expect(row.outcome).toBe('proposed');
		const [proposal] = await app.database.db.select().from(moderationProposal).where(eq(moderationProposal.id, row.proposalId!));
		expect((proposal.data as { organisations: { organisation: string }[] }).organisations.map((entry) => entry.organisation)).toEqual(['association-test-partenaire']);
		expect(await app.database.db.select().from(atlasImportOrganisationRef).where(eq(atlasImportOrganisationRef.ref, 'XX-TEST-ATP'))).toEqual([]);
		// the moderator decides later, from the queue
		expect((await importsWithUndecidedMatches(contextFor(app.database.db, moderator))).some((item) => item.id === id)).toBe(true);
		await decideOrganisationMatches(contextFor(app.database.db, moderator), id, [{ key: 'XX-TEST-ATP|association test partenaire', decision: 'confirmed' }]);
		expect(await app.database.db.select().from(atlasImportOrganisationRef).where(eq(atlasImportOrganisationRef.ref, 'XX-TEST-ATP'))).toHaveLength(1);
		expect((await importsWithUndecidedMatches(contextFor(app.database.db, moderator))).some((item) => item.id === id)).toBe(false);
	});
});
