import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { refusalOf, refusalWithReason } from '../../../platform/testing/refusal.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { addScheme, listSchemes, schemeForEdit, updateScheme } from './schemes.service.ts';

let app: TestApp;
let secretariat: Person;
let operatorPartner: Person;
let otherPartner: Person;
let operatorId: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const [operator] = await db.insert(organisation).values({ slug: 'office-retour', name: 'Office du retour (exemple)', type: 'public_agency' }).returning();
	const [other] = await db.insert(organisation).values({ slug: 'autre-asso', name: 'Autre association', type: 'ngo' }).returning();
	operatorId = operator.id;
	secretariat = await aPerson(db, { role: 'moderator' });
	operatorPartner = await aPerson(db, { role: 'partner', organisationIds: [operator.id] });
	otherPartner = await aPerson(db, { role: 'partner', organisationIds: [other.id] });
});
afterAll(async () => app?.close());

const scheme = (extra: Record<string, unknown> = {}) => ({ country: 'nl', name_fr: 'Aide au retour (exemple)', supportKinds: ['cash', 'business'], ...extra });

describe('the assisted-return schemes catalogue', () => {
	it('starts with the four countries the seeds name, every one to be completed, cited to the seeds', async () => {
		const listed = await listSchemes(contextFor(app.database.db, null), {}, 'fr');
		expect(listed.map((item) => item.country).sort()).toEqual(['BE', 'CH', 'DE', 'FR']);
		expect(listed.every((item) => item.toBeCompleted && item.source?.name.includes('OFII Tunis') && !item.editable)).toBe(true);
		expect(listed.find((item) => item.country === 'DE')?.countryName).toBe('Allemagne');
		expect((await listSchemes(contextFor(app.database.db, null), { country: 'BE' }, 'ar')).map((item) => item.name.text)).toEqual(['برنامج المساعدة على العودة في بلجيكا']);
	});

	it('lets the secretariat add a scheme with its operator; what it says needs a source; a partner cannot add', async () => {
		const ctx = contextFor(app.database.db, secretariat);
		expect(await refusalWithReason(addScheme(ctx, scheme({ eligibility_fr: 'Personnes en séjour irrégulier', support_fr: 'Billet et aide à la réinstallation' })))).toBe('invalid_input:sourceName');
		expect(await refusalWithReason(addScheme(ctx, { country: 'NL' }))).toBe('invalid_input:name_fr');
		expect(await refusalOf(addScheme(contextFor(app.database.db, operatorPartner), scheme()))).toBe('forbidden');
		const added = await addScheme(ctx, scheme({ operatorOrganisationId: operatorId, eligibility_fr: 'Exemple', support_fr: 'Exemple', sourceName: 'Fiche de l’opérateur (exemple)', sourceUrl: 'https://example.org/retour' }));
		expect(added).toMatchObject({ slug: 'aide-au-retour-exemple', country: 'NL', supportKinds: ['cash', 'business'], operatorOrganisationId: operatorId });
		const [listed] = await listSchemes(contextFor(app.database.db, operatorPartner), { country: 'NL' }, 'en');
		expect(listed).toMatchObject({ toBeCompleted: false, editable: true, operator: { name: 'Office du retour (exemple)' }, name: { text: 'Aide au retour (exemple)', lang: 'fr' } });
	});

	it('lets the operator’s people keep their entry, not hand it to another operator; others are refused', async () => {
		const db = app.database.db;
		expect(await refusalOf(schemeForEdit(contextFor(db, otherPartner), 'aide-au-retour-exemple'))).toBe('forbidden');
		expect(await refusalOf(updateScheme(contextFor(db, otherPartner), 'aide-au-retour-exemple', scheme()))).toBe('forbidden');
		expect(await refusalOf(schemeForEdit(contextFor(db, operatorPartner), 'dispositif-be'))).toBe('forbidden');
		expect(await refusalOf(schemeForEdit(contextFor(db, secretariat), 'nowhere'))).toBe('not_found');
		const [other] = await db.select().from(organisation).where(eq(organisation.slug, 'autre-asso'));
		const after = await updateScheme(contextFor(db, operatorPartner), 'aide-au-retour-exemple', scheme({ operatorOrganisationId: other.id, name_ar: 'مساعدة على العودة (مثال)', supportKinds: ['cash'], eligibility_fr: 'Exemple', support_fr: 'Exemple', sourceName: 'Fiche de l’opérateur (exemple)' }));
		expect(after).toMatchObject({ operatorOrganisationId: operatorId, supportKinds: ['cash'], name: { fr: 'Aide au retour (exemple)', ar: 'مساعدة على العودة (مثال)' } });
		const [trail] = await db.select().from(auditEvent).where(eq(auditEvent.action, 'return_scheme.update'));
		expect(trail.actorUserId).toBe(operatorPartner.actor.userId);
		// the secretariat fills in one of the seeds' countries
		const belgium = await updateScheme(contextFor(db, secretariat), 'dispositif-be', { country: 'BE', name_fr: 'Dispositif belge d’aide au retour', operatorOrganisationId: operatorId, eligibility_fr: 'Exemple', support_fr: 'Exemple', sourceName: 'Exemple de source' });
		expect(belgium.operatorOrganisationId).toBe(operatorId);
	});
});
