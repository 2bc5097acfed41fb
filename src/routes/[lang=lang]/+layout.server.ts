import { error } from '@sveltejs/kit';

export function load({ locals }) {
	// The request hook has checked the route policy; a refused page is shown as a 403.
	if (locals.denied) error(locals.denied, 'forbidden');
	return {};
}
