import { error } from '@sveltejs/kit';
import { can } from '#platform/policy/policy.ts';

export function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	return {
		sections: {
			users: can(locals.actor, 'user.manage'),
			organisations: can(locals.actor, 'organisation.manage'),
			audit: can(locals.actor, 'audit.read')
		}
	};
}
