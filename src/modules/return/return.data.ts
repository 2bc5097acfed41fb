import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { recordAudit, systemContext } from '../../platform/audit/audit.service.ts';
import { directoryEntry } from '../../platform/directory/directory.table.ts';
import { directorySearchText } from '../../platform/directory/directory.service.ts';
import { regions } from '../../platform/geo/morocco.ts';
import { returnServices } from './network.ts';
import { ChecklistAnswers } from './return.schemas.ts';
import { networkMember, reintegrationCase, returnChecklist } from './return.table.ts';
import { removeSampleReturnees } from './reintegration.data.ts';
import { removeNetworkSpaceSamples } from './network-space.data.ts';
import { crisis } from './crisis/crisis.table.ts';
import { ensureGuidePages } from './guide.ts';
import { ensureResponderGuide } from './crisis/responders.ts';
import { ensurePensionCountries } from './pension.service.ts';
import { ensureSchemes } from './schemes/schemes.service.ts';

/** Real reference data, created once at every start: the guide's pages, the host countries' pension rows and schemes. */
export async function ensureReturnReferenceData(db: Db): Promise<void> {
	await ensureGuidePages(db);
	await ensureResponderGuide(db);
	await ensurePensionCountries(db);
	await ensureSchemes(db);
}

/**
 * Demo: the demo member (a sample account) has a saved checklist — a retiree coming back from Belgium —
 * so that my space, the export and the account deletion show something. Leaves an existing one as it is.
 */
export async function loadReturnDemoData(db: Db): Promise<void> {
	const [member] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'member@demo.sharaka.ma'));
	if (!member) return;
	const answers = ChecklistAnswers.parse({ profile: 'retiree', hostCountry: 'BE', region: 'MA-04', retiring: 'on' });
	await db.insert(returnChecklist).values({ userId: member.id, answers, ticked: ['documents_gather'] }).onConflictDoNothing();
}

/** Kinds of sample members, so the 40 do not all read alike (fictional, badged "exemple"). */
const sampleKinds = [
	{ fr: 'Association d’accueil des MRE de retour', ar: 'جمعية استقبال المغاربة العائدين', en: 'Returnees’ welcome association', stages: ['arrival', 'administrative', 'social'] },
	{ fr: 'Maison des Marocains du monde', ar: 'دار مغاربة العالم', en: 'House of Moroccans of the world', stages: ['before_departure', 'administrative'] },
	{ fr: 'Incubateur de projets de retour', ar: 'حاضنة مشاريع العائدين', en: 'Return projects incubator', stages: ['economic', 'before_departure'] },
	{ fr: 'Centre d’écoute et d’accompagnement', ar: 'مركز الإنصات والمواكبة', en: 'Listening and support centre', stages: ['psychosocial', 'social'] },
	{ fr: 'Coopérative d’insertion', ar: 'تعاونية الإدماج', en: 'Integration cooperative', stages: ['economic', 'social'] }
] as const;
const sampleLanguages = [['ar', 'fr'], ['ar', 'fr', 'en'], ['ar', 'fr', 'es'], ['ar', 'fr', 'nl'], ['ar', 'zgh', 'fr']];

/**
 * Demo: 40 fictional member organisations of the RAMre network over the 12 regions, each with one
 * service in the directory — all badged as samples (names say "exemple"), removable with the demo data.
 */
export async function loadReturnNetworkDemoData(db: Db): Promise<void> {
	const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(networkMember).where(eq(networkMember.isSample, true));
	if (count > 0) return;
	const context = systemContext('system');
	await db.transaction(async (tx) => {
		for (let index = 0; index < 40; index++) {
			const region = regions[index % regions.length];
			const kind = sampleKinds[index % sampleKinds.length];
			const number = Math.floor(index / regions.length) + 1;
			const slug = `exemple-ramre-${String(index + 1).padStart(2, '0')}`;
			const [owner] = await tx
				.insert(organisation)
				.values({ slug, name: `${kind.fr} — ${region.nameFr} ${number} (exemple)`, acronym: `RAMre-${index + 1}`, type: 'ngo', country: 'MA' })
				.onConflictDoNothing()
				.returning();
			if (!owner) continue;
			await tx.insert(networkMember).values({ organisationId: owner.id, status: 'member', motivation: 'Exemple', decidedAt: new Date(), isSample: true });
			const service = {
				name: { fr: `${kind.fr} (${region.nameFr})`, ar: `${kind.ar} (${region.nameAr})`, en: `${kind.en} (${region.nameEn})` },
				description: {
					fr: 'Service fictif de démonstration : accueil, information et orientation des personnes de retour.',
					ar: 'خدمة وهمية للعرض: استقبال العائدين وإخبارهم وتوجيههم.',
					en: 'A fictional demonstration service: welcome, information and referral of returnees.'
				},
				eligibility: { fr: 'Exemple', ar: 'مثال', en: 'Example' },
				cities: [] as string[]
			};
			const [entry] = await tx
				.insert(directoryEntry)
				.values({
					collection: returnServices.key,
					organisationId: owner.id,
					...service,
					services: [...kind.stages],
					regions: index % 7 === 0 ? [region.iso, regions[(index + 1) % regions.length].iso] : [region.iso],
					languages: sampleLanguages[index % sampleLanguages.length],
					phone: null,
					email: `${slug}@example.org`,
					address: null,
					website: null,
					isSample: true,
					searchText: directorySearchText(service, owner)
				})
				.returning({ id: directoryEntry.id });
			await recordAudit(tx, context, { action: 'return_service.create', resourceType: 'return_service', resourceId: entry.id, after: { sample: true } });
		}
	});
}

/**
 * Deletes the sample network (fictional members, their services and organisations), audited. Real
 * members and their services are left alone. Returns how many sample organisations went.
 */
export async function removeReturnSamples(db: Db, context = systemContext('system')): Promise<number> {
	return db.transaction(async (tx) => {
		const samples = await tx.select({ organisationId: networkMember.organisationId }).from(networkMember).where(eq(networkMember.isSample, true));
		if (samples.length === 0) return 0;
		const ids = samples.map((row) => row.organisationId);
		// the sample crisis and its registrations (relays may be sample organisations)
		await tx.delete(crisis).where(eq(crisis.isSample, true));
		// the sample returnees and their cases, then the other sample cases kept by the fictional operators (an operator with cases cannot go)
		await removeSampleReturnees(tx);
		await tx.delete(reintegrationCase).where(and(eq(reintegrationCase.isSample, true), inArray(reintegrationCase.operatorOrganisationId, ids)));
		await removeNetworkSpaceSamples(tx);
		await tx.delete(directoryEntry).where(and(eq(directoryEntry.collection, returnServices.key), inArray(directoryEntry.organisationId, ids)));
		await tx.delete(networkMember).where(inArray(networkMember.organisationId, ids));
		// the fictional organisations exist only for the samples (slug exemple-ramre-…)
		await tx.delete(organisation).where(and(inArray(organisation.id, ids), like(organisation.slug, 'exemple-ramre-%')));
		await recordAudit(tx, context, { action: 'return.remove_samples', resourceType: 'return_network_member', resourceId: null, after: { organisations: ids.length } });
		return ids.length;
	});
}
