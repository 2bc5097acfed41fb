import { can } from '#platform/policy/policy.ts';

// Pages are rendered on the server and work without JavaScript; no framework script is sent.
export const csr = false;

export function load({ locals }) {
	return {
		language: locals.language,
		user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
		canAdminister: can(locals.actor, 'admin.access')
	};
}
