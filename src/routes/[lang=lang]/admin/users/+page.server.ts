import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { can } from '#platform/policy/policy.ts';
import { roles } from '#platform/accounts/accounts.model.ts';
import { getUser, listUsers, setUserRole } from '#platform/accounts/user.service.ts';
import { UserListQuery, UserRoleForm } from '#platform/admin/admin.schemas.ts';
import { filterQuery, filterValues, readFilters } from '#platform/admin/admin-forms.ts';
import { adminFormAction } from '../form-action.ts';
import { recordPersonalDataRead } from '#platform/audit/audit.service.ts';

const FILTERS = ['q', 'role', 'pageSize'] as const;

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const values = filterValues(url, FILTERS);
	const filters = readFilters(locals.language, UserListQuery, url);
	const list = filters.ok
		? await listUsers(app.database.db, filters.data)
		: { total: 0, page: 1, pageSize: 50, items: [] };
	await recordPersonalDataRead(app.database.db, locals.audit, {
		resourceType: 'user',
		ids: list.items.map((person) => person.id),
		view: 'admin.users'
	});

	// After a role form (post/redirect/get), say whose role changed, or that it already was that one.
	const changedId = url.searchParams.get('changed') ?? url.searchParams.get('unchanged');
	const changedUser = changedId ? await getUser(app.database.db, changedId).catch(() => null) : null;
	const changed = changedUser
		? {
				name: changedUser.name,
				role: changedUser.role,
				outcome: url.searchParams.has('unchanged') ? 'unchanged' : url.searchParams.get('mail') === 'failed' ? 'no_mail' : 'changed'
			}
		: null;

	return {
		values,
		filterErrors: filters.ok ? {} : filters.errors,
		list,
		/** the filters, for pagination links */
		query: filterQuery(values),
		/** the filters and page, kept when a role form is sent */
		actionQuery: filterQuery({ ...values, page: list.page > 1 ? list.page : undefined }),
		changed,
		selfId: locals.user?.id ?? null,
		roles: [...roles],
		canAudit: can(locals.actor, 'audit.read'),
		canManageOrganisations: can(locals.actor, 'organisation.manage')
	};
}

export const actions = {
	role: ({ request, locals, url }) =>
		adminFormAction(
			{ request, locals },
			UserRoleForm,
			(app, input) => setUserRole(requestContext(app, locals), input.userId, input.role),
			(change) => {
				const language = locals.language;
				if (locals.actor && change.user.id === locals.actor.userId) {
					// Someone who gave up their own role may no longer see this page.
					const now = { ...locals.actor, role: change.user.role };
					if (!can(now, 'user.manage')) redirect(303, can(now, 'admin.access') ? `/${language}/admin` : `/${language}`);
				}
				const keep = filterValues(url, [...FILTERS, 'page']);
				const outcome = change.changed
					? { changed: change.user.id, mail: change.notified ? undefined : 'failed' }
					: { unchanged: change.user.id };
				redirect(303, `/${language}/admin/users?${filterQuery({ ...keep, ...outcome })}`);
			}
		)
};
