import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { AuditEventQuery } from '#platform/admin/admin.schemas.ts';
import { searchAuditTrail, auditEventJson } from '#platform/admin/audit-trail.service.ts';

/** The audit trail, newest first (route policy: 'audit.read'). */
export const GET = apiEndpoint(async ({ url }) => {
	const app = await getApp();
	const query = readQuery(url, AuditEventQuery);
	const result = await searchAuditTrail(app.database.db, query);
	return Response.json(
		{ total: result.total, page: result.page, pageSize: result.pageSize, items: result.items.map(auditEventJson) },
		{ headers: { 'cache-control': 'no-store' } }
	);
});
