import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readQuery } from '#lib/server/http/api.ts';
import { AuditEventQuery } from '#lib/server/admin/admin.schemas.ts';
import { searchAuditTrail, auditEventJson } from '#lib/server/admin/audit-trail.service.ts';

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
