import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { can } from '#platform/policy/policy.ts';
import { atlasColumns } from '#modules/atlas/export/columns.ts';
import { sectorName } from '#modules/atlas/import/iati/codes.ts';
import { activityFilters } from '#modules/atlas/import/import.schemas.ts';
import {
	applyImport,
	chooseActivities,
	getImport,
	applyEnvOf,
	saveMapping,
	tableSamples,
	type ActivityFilter,
	type Choice
} from '#modules/atlas/import/import.service.ts';
import { decideOrganisationMatches } from '#modules/atlas/import/organisation-matches.ts';
import { decideFieldConflicts } from '#modules/atlas/import/field-conflicts.ts';
import { conflictRows } from '#modules/atlas/import/conflict-view.ts';

const PAGE_SIZE = 50;

export async function load({ params, url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const page = Math.max(1, Math.min(100_000, Number(url.searchParams.get('page')) || 1));
	const requested = url.searchParams.get('filter');
	const filter: ActivityFilter = (activityFilters as readonly string[]).includes(requested ?? '') ? (requested as ActivityFilter) : 'all';
	let detail;
	try {
		detail = await getImport(ctx, params.id, { page, pageSize: PAGE_SIZE, filter });
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
	const language = locals.language;
	const mapping = detail.import.status === 'mapping' || url.searchParams.has('remap') ? detail.import.mapping : null;
	return {
		detail,
		filter,
		publishes: can(locals.actor, 'atlas.moderate'),
		moderates: can(locals.actor, 'atlas.moderate'),
		// the sectors' names from the IATI codelists (French or English)
		sectorNames: Object.fromEntries(
			detail.activities.flatMap((activity) =>
				(activity.preview?.sectors ?? []).map((sector) => [`${sector.vocabulary}/${sector.code}`, sectorName(sector.vocabulary, sector.code, language)])
			)
		) as Record<string, string | null>,
		conflicts: conflictRows(language, detail.fieldConflicts),
		mapping,
		samples: mapping ? await tableSamples(ctx, params.id) : [],
		columns: atlasColumns
			.filter((column) => !column.derived)
			.map((column) => ({ value: column.key, label: translate(language, `atlas_export.column_${column.key}`) }))
	};
}

/** The choice made on one page of the preview: the positions shown, and those ticked. */
function pageChoice(data: FormData): Choice | null {
	const numbers = (name: string) => data.getAll(name).map(Number).filter((value) => Number.isInteger(value) && value > 0);
	const bulk = data.get('bulk');
	if (bulk === 'all' || bulk === 'none' || bulk === 'default') return { all: bulk };
	const shown = numbers('shown');
	return shown.length ? { page: { shown, chosen: numbers('take') } } : null;
}

export const actions = {
	map: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const mapping = data.getAll('column').map((value) => (typeof value === 'string' && value !== '' ? value : null));
		try {
			await saveMapping(requestContext(app, locals), params.id, mapping);
		} catch (failure) {
			const reason = isAppError(failure) ? (failure.extra as { reason?: string } | undefined)?.reason : undefined;
			if (reason === 'mapping_twice' || reason === 'mapping_no_title') {
				return fail(400, { errors: { '': translate(locals.language, `atlas_import.${reason}`) }, mapping });
			}
			return formFailureFrom(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/atlas/imports/${params.id}`);
	},
	choose: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const choice = pageChoice(data);
		try {
			if (choice) await chooseActivities(requestContext(app, locals), params.id, choice);
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
		return { saved: true };
	},
	/** A moderator confirms or rejects organisations matched by name only (issue #17 rule 10). */
	matches: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const keys = data.getAll('key').map(String);
		const decisions = keys.flatMap((key, index) => {
			const decision = data.get(`decision-${index}`);
			return decision === 'confirmed' || decision === 'rejected' ? [{ key, decision: decision as 'confirmed' | 'rejected' }] : [];
		});
		if (!decisions.length) {
			return fail(400, { errors: { 'decision-0': translate(locals.language, 'atlas_org_matches.none_chosen') } });
		}
		try {
			await decideOrganisationMatches(requestContext(app, locals), params.id, decisions);
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			return formFailureFrom(locals.language, failure, data);
		}
		return { matchesSaved: true };
	},
	/** A moderator keeps the Atlas's value or takes the file's, field by field (issue #17 rule 14). */
	conflicts: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const decisions = data.getAll('conflict').flatMap((value, index) => {
			const [position, field] = String(value).split('|');
			const decision = data.get(`conflict-${index}`);
			return decision === 'atlas' || decision === 'file' ? [{ position: Number(position), field: field ?? '', decision: decision as 'atlas' | 'file' }] : [];
		});
		if (!decisions.length) return fail(400, { errors: { 'conflict-0': translate(locals.language, 'atlas_conflicts.none_chosen') } });
		try {
			await decideFieldConflicts(requestContext(app, locals), params.id, decisions);
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			if (isAppError(failure) && (failure.extra as { reason?: string } | undefined)?.reason === 'field_changed_since') {
				return fail(409, { errors: { 'conflict-0': translate(locals.language, 'atlas_conflicts.changed_since') } });
			}
			return formFailureFrom(locals.language, failure, data);
		}
		return { conflictsSaved: true };
	},
	apply: async ({ request, params, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const data = await request.formData();
		const choice = pageChoice(data);
		try {
			if (choice) await chooseActivities(ctx, params.id, choice);
			await applyImport(ctx, applyEnvOf(app), params.id);
		} catch (failure) {
			const extra = isAppError(failure) ? (failure.extra as { reason?: string; waiting?: number } | undefined) : undefined;
			if (extra?.reason === 'organisation_matches_undecided') {
				return fail(409, { errors: { 'decision-0': translate(locals.language, 'atlas_org_matches.undecided', { count: extra.waiting ?? 0 }) } });
			}
			return formFailureFrom(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/atlas/imports/${params.id}`);
	}
};
