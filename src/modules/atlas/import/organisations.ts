// Organisations named by an imported file → the Atlas's organisations: by IATI identifier (refs matched
// before are remembered in atlas_import_organisation_ref), by slug, by name or acronym (accents, case and
// punctuation ignored; "Name (ACRONYM)" tried both ways); otherwise created when applying — pending
// (not public) when a partner's file brings it in, until a moderator approves a proposal that uses it.
import { eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import type { OrganisationType } from '../../../platform/accounts/accounts.model.ts';
import { countryCodes } from '../../../platform/geo/countries.ts';
import { slugify } from '../../../platform/text/slug.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { atlasImportOrganisationMatch, atlasImportOrganisationRef, type OrganisationMatchDecision } from './import.table.ts';
import type { ImportedOrganisation } from './imported.ts';
import { organisationTypeOf } from './iati/codes.ts';

export interface KnownOrganisation {
	id: string;
	slug: string;
	name: string;
	acronym: string | null;
}

export const foldName = (text: string) =>
	text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[’'`]/g, ' ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.replace(/\b(gmbh|ag|sa|sarl|ltd|inc)\b/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/**
 * Names publishers' data puts where no organisation is known ("nan" from a spreadsheet, "Various local
 * vendors", "Government – country unknown"): never an organisation of the Atlas.
 */
export function isPlaceholderName(text: string): boolean {
	const folded = foldName(text);
	if (!folded || /^\d+$/.test(folded)) return true;
	if (/^(nan|null|none|nil|n a|na|tbd|tbc|unknown|inconnu|inconnue|other|others|autre|autres|various|divers|not applicable|non applicable|to be determined|a determiner)$/.test(folded)) return true;
	// the government of whichever country receives the aid (the European Commission's files, with the CRS channel code 12000)
	if (/^(the )?(recipient|beneficiary) (country )?government$|^government of (the )?(recipient|beneficiary) country$|^gouvernement (du pays )?(beneficiaire|recipiendaire)$/.test(folded)) return true;
	return /\b(country unknown|unknown country|pays inconnu|various (local )?(vendors|suppliers|partners|organisations|organizations|ngos)|divers (fournisseurs|partenaires|prestataires)|multiple (vendors|suppliers|partners))\b/.test(folded);
}

/** An identifier publishers put where they have none ("N/A", "-", "0"): none. */
export function usableRef(ref: string | null | undefined): string | null {
	const trimmed = ref?.trim() ?? '';
	if (!trimmed || /^(n\/?a|none|null|nil|unknown|tbd|-+|0+)$/i.test(trimmed)) return null;
	return trimmed;
}

/**
 * Whether a file's organisation is a placeholder: a placeholder name with no identifier, or with only a
 * number for one (a CRS channel code such as 12000 "Recipient Government" names a kind, not an organisation).
 */
export function isPlaceholderOrganisation(ref: string | null, names: readonly string[]): boolean {
	return names.length > 0 && names.every(isPlaceholderName) && (!ref || /^\d+$/.test(ref.trim()));
}

/** The part of an IATI organisation identifier after its registration agency ("XI-IATI-EC_NEAR" → "EC_NEAR"), when it reads as a name. */
function identifierTail(ref: string): string | null {
	const tail = /^(?:XI-IATI|XM-DAC|XM-OCHA|XI-[A-Z]+|[A-Z]{2}-[A-Z0-9]+)-(.+)$/i.exec(ref.trim())?.[1] ?? null;
	return tail && /\p{L}/u.test(tail) && tail.length >= 4 && !/\s/.test(tail) ? tail.toUpperCase() : null;
}

/** "Name (ACR)" → the name and the acronym; otherwise the text alone. */
function splitAcronym(text: string): { name: string; acronym: string | null } {
	const match = /^(.*\S)\s*\(([^()]{2,20})\)\s*$/.exec(text.trim());
	return match ? { name: match[1], acronym: match[2].trim() } : { name: text.trim(), acronym: null };
}

/** How a file's organisation was matched: by the Atlas's own key (tables), its IATI identifier, its name, or its acronym alone. */
export type MatchVia = 'key' | 'ref' | 'name' | 'acronym';

/** A name-only match a moderator has to confirm (issue #17 rule 10). */
export interface ProposedMatch {
	key: string;
	ref: string | null;
	name: string;
	organisation: KnownOrganisation;
	via: 'name' | 'acronym';
}

/** The key of a file's organisation among the matches to confirm: its identifier and its folded name. */
export function matchKey(entry: Pick<ImportedOrganisation, 'ref' | 'names'>): string {
	return `${entry.ref?.trim().toUpperCase() ?? ''}|${foldName(entry.names[0] ?? '')}`.slice(0, 400);
}

export class OrganisationMatcher {
	/** decisions moderators took on name-only matches: key → decision and the organisation proposed */
	private decisions = new Map<string, { decision: OrganisationMatchDecision; organisationId: string }>();
	private byRef = new Map<string, KnownOrganisation>();
	private byKey = new Map<string, KnownOrganisation>();
	private byName = new Map<string, KnownOrganisation>();
	/** acronyms shared by several organisations match none of them */
	private byAcronym = new Map<string, KnownOrganisation | null>();
	/** the known identifiers' tails that read as names ("EC_NEAR" of "XI-IATI-EC_NEAR"), for files that write one as a name */
	private byRefTail = new Map<string, KnownOrganisation | null>();

	private setRef(ref: string, row: KnownOrganisation) {
		this.byRef.set(ref.toUpperCase(), row);
		const tail = identifierTail(ref);
		if (!tail) return;
		const existing = this.byRefTail.get(tail);
		this.byRefTail.set(tail, existing === undefined || existing?.id === row.id ? row : null);
	}

	static async load(db: DbOrTx): Promise<OrganisationMatcher> {
		const matcher = new OrganisationMatcher();
		const rows = await db
			.select({ id: organisation.id, slug: organisation.slug, name: organisation.name, acronym: organisation.acronym })
			.from(organisation);
		for (const row of rows) matcher.remember(row);
		const refs = await db.select().from(atlasImportOrganisationRef);
		const byId = new Map(rows.map((row) => [row.id, row]));
		for (const ref of refs) {
			const found = byId.get(ref.organisationId);
			if (found) matcher.setRef(ref.ref, found);
		}
		const decided = await db
			.select({ key: atlasImportOrganisationMatch.key, decision: atlasImportOrganisationMatch.decision, organisationId: atlasImportOrganisationMatch.organisationId, decidedAt: atlasImportOrganisationMatch.decidedAt })
			.from(atlasImportOrganisationMatch)
			.where(ne(atlasImportOrganisationMatch.decision, 'pending'));
		// the latest decision on each file organisation counts
		decided.sort((a, b) => (a.decidedAt?.getTime() ?? 0) - (b.decidedAt?.getTime() ?? 0));
		for (const row of decided) matcher.decisions.set(row.key, { decision: row.decision, organisationId: row.organisationId });
		return matcher;
	}

	remember(row: KnownOrganisation, ref?: string | null) {
		this.byKey.set(row.id, row);
		this.byKey.set(row.slug, row);
		const { name, acronym } = splitAcronym(row.name);
		this.byName.set(foldName(row.name), row);
		this.byName.set(foldName(name), row);
		for (const short of [row.acronym, acronym]) {
			if (!short) continue;
			const key = foldName(short);
			if (!key) continue;
			const existing = this.byAcronym.get(key);
			this.byAcronym.set(key, existing === undefined || existing?.id === row.id ? row : null);
		}
		if (ref) this.setRef(ref, row);
	}

	/** The Atlas organisation a file's organisation stands for, if any, and how it was found. */
	matchDetailed(entry: Pick<ImportedOrganisation, 'ref' | 'names' | 'key'>): { found: KnownOrganisation; via: MatchVia } | null {
		if (entry.key) {
			const found = this.byKey.get(entry.key) ?? this.byKey.get(entry.key.toLowerCase());
			if (found) return { found, via: 'key' };
		}
		if (entry.ref) {
			const found = this.byRef.get(entry.ref.toUpperCase());
			if (found) return { found, via: 'ref' };
		}
		// a table's cell may hold a name or an acronym rather than a slug
		for (const text of entry.key ? [...entry.names, entry.key] : entry.names) {
			const { name, acronym } = splitAcronym(text);
			const found = this.byName.get(foldName(text)) ?? this.byName.get(foldName(name));
			if (found) return { found, via: 'name' };
			if (acronym) {
				const short = this.byAcronym.get(foldName(acronym));
				if (short) return { found: short, via: 'acronym' };
			}
			// a file naming an organisation by its acronym alone ("BMZ")
			const short = this.byAcronym.get(foldName(text));
			if (short) return { found: short, via: 'acronym' };
			// or by its known identifier's tail ("EC_NEAR", with no identifier of its own)
			const byTail = entry.ref ? null : this.byRefTail.get(text.trim().toUpperCase());
			if (byTail) return { found: byTail, via: 'name' };
		}
		return null;
	}

	/**
	 * A name-only match that needs a moderator's confirmation: the file gives an IATI identifier the Atlas
	 * does not know (confirming binds it to the organisation), or only the acronym matches. A file naming an
	 * organisation by its full name and no identifier (the Atlas's own export, a table) is taken as it is.
	 * Null when no confirmation is needed, or when a moderator already confirmed this one.
	 */
	proposedMatch(entry: Pick<ImportedOrganisation, 'ref' | 'names' | 'key'>): ProposedMatch | null {
		const matched = this.matchDetailed(entry);
		if (!matched || matched.via === 'key' || matched.via === 'ref') return null;
		if (matched.via === 'name' && !entry.ref) return null;
		const key = matchKey(entry);
		const decided = this.decisions.get(key);
		if (decided?.decision === 'confirmed' && decided.organisationId === matched.found.id) return null;
		if (decided?.decision === 'rejected' && decided.organisationId === matched.found.id) return null;
		return { key, ref: entry.ref?.trim() || null, name: (entry.names[0] ?? entry.ref ?? '').slice(0, 300), organisation: matched.found, via: matched.via };
	}

	/** What a moderator decided on this file organisation's match (undefined: nothing yet). */
	decisionFor(entry: Pick<ImportedOrganisation, 'ref' | 'names'>, organisationId: string): OrganisationMatchDecision | undefined {
		const decided = this.decisions.get(matchKey(entry));
		return decided && decided.organisationId === organisationId ? decided.decision : undefined;
	}

	/** Takes a moderator's decision into account at once (applying after deciding). */
	decide(key: string, decision: OrganisationMatchDecision, organisationId: string) {
		this.decisions.set(key, { decision, organisationId });
	}

	/** The Atlas organisation a file's organisation stands for, if any (a match a moderator rejected is none). */
	match(entry: Pick<ImportedOrganisation, 'ref' | 'names' | 'key'>): KnownOrganisation | null {
		const matched = this.matchDetailed(entry);
		if (!matched) return null;
		if ((matched.via === 'name' || matched.via === 'acronym') && this.decisionFor({ ref: entry.ref, names: entry.names }, matched.found.id) === 'rejected') return null;
		return matched.found;
	}

	/**
	 * The organisation, created when the file names one the Atlas does not know (audited, attributed to the
	 * import). Its IATI identifier is remembered, so the next file that uses it finds it at once.
	 */
	async resolve(
		{ db, audit }: RequestContext,
		entry: ImportedOrganisation,
		/** the import that brings it in (null: a partner's proposal form) */
		importId: string | null,
		{ pending = false }: { pending?: boolean } = {}
	): Promise<KnownOrganisation | null> {
		const matched = this.matchDetailed(entry);
		const found = this.match(entry);
		if (found && matched) {
			// a name-only match binds the file's identifier only once a moderator confirmed it
			const confirmed = matched.via === 'key' || matched.via === 'ref' || this.decisionFor(entry, found.id) === 'confirmed';
			if (entry.ref && confirmed && !this.byRef.has(entry.ref.toUpperCase())) await this.saveRef(db, entry.ref, found);
			return found;
		}
		if (entry.key && !entry.names.length) return null;
		const text = entry.names[0] ?? entry.ref;
		if (!text || isPlaceholderOrganisation(entry.ref, [text])) return null;
		const { name, acronym } = splitAcronym(text);
		const displayName = (name.length >= 2 ? name : text).slice(0, 200);
		const type: OrganisationType = organisationTypeOf(entry.type, entry.ref);
		const prefix = entry.ref?.slice(0, 2).toUpperCase();
		// The identifier's country prefix (DE-1, FR-6…) when it is one; else not known (never Morocco by default).
		const country = prefix && countryCodes.includes(prefix) ? prefix : null;
		const base = slugify(acronym ?? '') || slugify(displayName) || slugify(entry.ref ?? '') || 'organisation';
		const created = await db.transaction(async (tx) => {
			let slug = base;
			for (let attempt = 2; ; attempt++) {
				const [taken] = await tx.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, slug)).limit(1);
				if (!taken) break;
				slug = `${base.slice(0, 74)}-${attempt}`;
			}
			const [row] = await tx
				.insert(organisation)
				.values({ slug, name: displayName, acronym: acronym?.slice(0, 30) ?? null, type, status: pending ? 'pending' : 'active', country })
				.returning();
			await recordAudit(tx, audit, {
				action: 'organisation.create',
				resourceType: 'organisation',
				resourceId: row.id,
				after: { slug: row.slug, name: row.name, acronym: row.acronym, type: row.type, country: row.country, status: row.status, iatiRef: entry.ref, importId }
			});
			if (entry.ref) await tx.insert(atlasImportOrganisationRef).values({ ref: entry.ref.toUpperCase(), organisationId: row.id }).onConflictDoNothing();
			return { id: row.id, slug: row.slug, name: row.name, acronym: row.acronym };
		});
		this.remember(created, entry.ref);
		return created;
	}

	private async saveRef(db: DbOrTx, ref: string, found: KnownOrganisation) {
		await db.insert(atlasImportOrganisationRef).values({ ref: ref.toUpperCase(), organisationId: found.id }).onConflictDoNothing();
		this.byRef.set(ref.toUpperCase(), found);
	}
}
