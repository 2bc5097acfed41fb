// What the proposal pages of the directories share (a new house, desk or association; a correction of one): the
// form's choices by name (organisations, regions, services, networks, host countries: never a code to type), its
// values (the entry as it is, or a proposal sent back to start again from), the answer to a sent form, and the pages'
// load and action, the same for the houses' directory and the associations' (`newEntryPage`, `correctionPage`).
import { and, asc, eq, sql } from 'drizzle-orm';
import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '../../../platform/app.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { getDirectoryEntry } from '../../../platform/directory/directory.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { formFailureFrom, formLists, formValues } from '../../../platform/http/form.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { linkChoices } from '../../../platform/kernel/links.ts';
import { countryOptions } from '../../../platform/geo/countries.ts';
import { regionChoices } from '../../../platform/geo/place-choices.ts';
import { notifyOf, type Notify } from '../../../platform/moderation/notify.ts';
import { pageContext } from '../../../platform/moderation/proposal-pages.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { ASSOCIATION_TYPE, entryFormValues, NETWORK_LINK } from './directories.ts';
import {
	directoryOf,
	entryPath,
	listedEntry,
	myDirectoryProposal,
	proposalFormValues,
	proposalFromForm,
	proposeDirectoryCorrection,
	proposeDirectoryEntry,
	servicesOf,
	withdrawMyDirectoryProposal,
	type EntryKind
} from './directory-proposals.ts';

const label = (row: { name: string; acronym: string | null }) => (row.acronym ? `${row.name} (${row.acronym})` : row.name);

/**
 * The organisations a proposal may name: for a house or a desk, the active organisations based in Morocco (a
 * regional council, the ministry, a regional investment centre…); for an association, the active diaspora associations.
 */
async function organisationChoices(db: DbOrTx, kind: EntryKind) {
	const rows = await db
		.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym })
		.from(organisation)
		.where(and(eq(organisation.status, 'active'), kind === 'association' ? eq(organisation.type, ASSOCIATION_TYPE) : eq(organisation.country, 'MA')))
		.orderBy(asc(sql`lower(${organisation.name})`));
	return rows.map((row) => ({ value: row.id, label: label(row), keywords: row.acronym ?? undefined }));
}

/** The form's choices, named in the page's language. */
export async function proposalChoices(db: DbOrTx, language: Language, kind: EntryKind) {
	return {
		organisations: await organisationChoices(db, kind),
		services: [...servicesOf(kind)],
		regions: regionChoices(language),
		networks: kind === 'association' ? await linkChoices(db, NETWORK_LINK, language) : [],
		countries: kind === 'association' ? countryOptions(language).filter((country) => country.value !== 'MA') : []
	};
}

/** The directory an entry of this kind is listed in (its pages' address): the houses' (a house or a desk), or the associations'. */
export type Directory = 'houses' | 'associations';
const directoryOfKind = (kind: EntryKind): Directory => (kind === 'association' ? 'associations' : 'houses');

/** A proposal sent back for changes, to start again from (only one's own, of the same entry or directory; anything else is ignored). */
async function startingFrom(ctx: RequestContext, from: string | null, entryId: string | null, kind: EntryKind) {
	if (!from) return null;
	try {
		const proposal = await myDirectoryProposal(ctx, from);
		if (proposal.status !== 'changes_requested' || (proposal.entry?.id ?? null) !== entryId || directoryOfKind(proposal.kind) !== directoryOfKind(kind)) return null;
		return proposal;
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') return null;
		throw failure;
	}
}

/** The form of a new entry: empty, or the proposal sent back (`from`). */
async function newEntryForm(ctx: RequestContext, kind: EntryKind, from: string | null) {
	const proposal = await startingFrom(ctx, from, null, kind);
	const start = proposal ? proposalFormValues(proposal.data) : entryFormValues(null);
	return {
		kind: proposal?.kind ?? kind,
		from: proposal?.id ?? '',
		reason: proposal?.reviewReason ?? null,
		comment: proposal?.comment ?? '',
		values: { newOrganisationName: '', newOrganisationAcronym: '', newOrganisationCountry: '', ...start.values },
		chosen: start.chosen,
		choices: await proposalChoices(ctx.db, ctx.language, proposal?.kind ?? kind)
	};
}

/** The form of a correction: the entry as it is now (or the proposal sent back), with the version it is based on. */
async function correctionForm(ctx: RequestContext, entryId: string, from: string | null) {
	const listed = await listedEntry(ctx.db, entryId);
	const found = await getDirectoryEntry(ctx.db, directoryOf(listed.kind), listed.id);
	const proposal = await startingFrom(ctx, from, listed.id, listed.kind);
	const start = proposal ? proposalFormValues(proposal.data) : entryFormValues(found.entry);
	return {
		kind: listed.kind,
		entry: { id: listed.id, name: found.entry.name, organisation: label(found.organisation), path: entryPath(listed.kind, listed.id) },
		baseVersion: found.entry.version,
		from: proposal?.id ?? '',
		reason: proposal?.reviewReason ?? null,
		comment: proposal?.comment ?? '',
		values: start.values,
		chosen: start.chosen,
		choices: await proposalChoices(ctx.db, ctx.language, listed.kind)
	};
}

const chosenOf = (form: FormData) => ({ services: form.getAll('services').map(String), regions: form.getAll('regions').map(String), links: form.getAll('links').map(String) });

/**
 * Sends a proposal from a form: a new entry (`entryId` null) or a correction. A proposal sent back and started
 * again from (`from`) is withdrawn once the new one is sent. Returns where to go, or the form's failure (the values
 * typed, a localised message per field; a correction made on an older version says so and takes the current one).
 */
export async function sendProposal(ctx: RequestContext, form: FormData, target: { kind: EntryKind; entryId: string | null }, notify: Notify) {
	const input = proposalFromForm(form, target.kind);
	const comment = String(form.get('comment') ?? '');
	const from = String(form.get('from') ?? '');
	try {
		const result = target.entryId
			? { proposal: await proposeDirectoryCorrection(ctx, target.entryId, input, { baseVersion: Number(form.get('baseVersion')) || 0, comment, notify }), published: null }
			: await proposeDirectoryEntry(ctx, input, { comment, notify });
		if (from) await withdrawMyDirectoryProposal(ctx, from).catch(() => undefined);
		if (result.published) return { redirect: `/${ctx.language}${entryPath(target.kind, result.published.id)}?done=saved` };
		return { redirect: `/${ctx.language}/talents/directories/proposals?sent=${result.proposal!.id}` };
	} catch (failure) {
		if (isAppError(failure) && failure.extra?.reason === 'stale_version') {
			const current = Number(failure.extra.currentVersion);
			return {
				failure: fail(409, {
					values: { ...formValues(form), baseVersion: String(current) },
					lists: formLists(form),
					errors: { '': translate(ctx.language, 'directories.error_stale', { version: current }) },
					chosen: chosenOf(form)
				})
			};
		}
		const refused = formFailureFrom(ctx.language, failure, form);
		return { failure: fail(refused.status, { ...refused.data, chosen: chosenOf(form) }) };
	}
}

type PageEvent = { locals: App.Locals; url: URL };
type FormEvent = { locals: App.Locals; request: Request };

/** The kind of a new entry the directory's page proposes: for the houses', a house unless a desk is asked for. */
const newKindIn = (directory: Directory, asked: unknown): EntryKind => (directory === 'associations' ? 'association' : asked === 'desk' ? 'desk' : 'house');

/** Sends the form (sendProposal) and answers as a page does: on to where the proposal went, or the form again with why. */
async function sendFromPage({ locals, request }: FormEvent, target: (form: FormData, ctx: RequestContext) => Promise<{ kind: EntryKind; entryId: string | null }>) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const form = await request.formData();
	const answer = await sendProposal(ctx, form, await target(form, ctx), notifyOf(app));
	if ('failure' in answer) return answer.failure;
	redirect(303, answer.redirect);
}

/** The page proposing a new entry of a directory (`?kind=desk` on the houses' page; `?from=`: a proposal sent back). */
export function newEntryPage(directory: Directory) {
	return {
		load: async ({ locals, url }: PageEvent) => {
			const { ctx } = await pageContext(locals);
			return { directory, ...(await newEntryForm(ctx, newKindIn(directory, url.searchParams.get('kind')), url.searchParams.get('from'))) };
		},
		actions: {
			default: (event: FormEvent) => sendFromPage(event, async (form) => ({ kind: newKindIn(directory, form.get('kind')), entryId: null }))
		}
	};
}

/** The listed entry's kind when it is one of this directory's (anything else: not found). */
async function kindListedIn(db: DbOrTx, directory: Directory, entryId: string) {
	const { kind } = await listedEntry(db, entryId).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	if (directoryOfKind(kind) !== directory) error(404, 'not_found');
	return kind;
}

/** The page suggesting a correction of a directory's entry: the form holds it as it is now (`?from=`: a proposal sent back). */
export function correctionPage(directory: Directory) {
	return {
		load: async ({ locals, url, params }: PageEvent & { params: { id: string } }) => {
			const { ctx } = await pageContext(locals);
			await kindListedIn(ctx.db, directory, params.id);
			return correctionForm(ctx, params.id, url.searchParams.get('from'));
		},
		actions: {
			default: (event: FormEvent & { params: { id: string } }) =>
				sendFromPage(event, async (_form, ctx) => ({ kind: await kindListedIn(ctx.db, directory, event.params.id), entryId: event.params.id }))
		}
	};
}
