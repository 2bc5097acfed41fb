import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { AuditEventQuery } from '#platform/admin/admin.schemas.ts';
import { searchAuditTrail } from '#platform/admin/audit-trail.service.ts';
import { filterQuery, filterValues, readFilters } from '#platform/admin/admin-forms.ts';
import { localiseProblems } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';

const FILTERS = ['actor', 'resourceType', 'resourceId', 'action', 'from', 'to', 'pageSize'] as const;
const PAGE_SIZE = 50;

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const values = filterValues(url, FILTERS);
	const filters = readFilters(locals.language, AuditEventQuery, url);
	let errors: Record<string, string> = filters.ok ? {} : filters.errors;
	let trail: Awaited<ReturnType<typeof searchAuditTrail>> = { total: 0, page: 1, pageSize: PAGE_SIZE, items: [] };
	if (filters.ok) {
		try {
			trail = await searchAuditTrail(app.database.db, filters.data);
		} catch (failure) {
			if (!isAppError(failure) || failure.code !== 'invalid_input') throw failure;
			errors = localiseProblems(locals.language, failure.fields);
		}
	}
	return {
		values,
		errors,
		trail: {
			total: trail.total,
			page: trail.page,
			pageSize: trail.pageSize,
			items: trail.items.map((event) => ({
				id: event.id,
				occurredAt: event.occurredAt,
				actorUserId: event.actorUserId,
				actorLabel: event.actorLabel,
				channel: event.channel,
				action: event.action,
				resourceType: event.resourceType,
				resourceId: event.resourceId,
				before: event.before == null ? null : JSON.stringify(event.before, null, 2),
				after: event.after == null ? null : JSON.stringify(event.after, null, 2),
				requestId: event.requestId,
				ip: event.ip
			}))
		},
		query: filterQuery(values),
		filtered: FILTERS.some((name) => name !== 'pageSize' && values[name] !== '')
	};
}
