import type { RouteTable } from '../policy/route-access.ts';

/** Staff pages (users, organisations, audit trail) and their API. */
export const adminRoutes: RouteTable = {
	// Pages: GET shows, POST runs the page's form actions.
	'/[lang=lang]/admin': { GET: 'admin.access' },
	'/[lang=lang]/admin/users': { GET: 'user.manage', POST: 'user.manage' },
	'/[lang=lang]/admin/users/[id]': { GET: 'user.manage', POST: 'user.manage' },
	'/[lang=lang]/admin/organisations': { GET: 'organisation.manage', POST: 'organisation.manage' },
	'/[lang=lang]/admin/organisations/[id]': { GET: 'organisation.manage', POST: 'organisation.manage' },
	'/[lang=lang]/admin/audit': { GET: 'audit.read' },
	'/[lang=lang]/admin/site': { GET: 'site.manage', POST: 'site.manage' },

	// API
	'/api/v1/audit-events': { GET: 'audit.read' },
	'/api/v1/users': { GET: 'user.manage' },
	'/api/v1/users/[id]/role': { PUT: 'user.manage' },
	'/api/v1/users/[id]/grants': { GET: 'user.manage', POST: 'user.manage' },
	'/api/v1/users/[id]/grants/[grantId]': { DELETE: 'user.manage' },
	// The directory of organisations is public (no member data); changes are for staff.
	'/api/v1/organisations': { GET: 'public', POST: 'organisation.manage' },
	'/api/v1/organisations/[id]': { GET: 'public', PATCH: 'organisation.manage' }
};
