import { error } from '@sveltejs/kit';

export function load({ locals }) {
	// The request hook has checked the route policy; a refused page is shown as a 403, and a page that
	// needs the database while it is out of reach as the outage page.
	if (locals.denied) error(locals.denied, locals.denied === 503 ? 'database_unavailable' : 'forbidden');
	return {};
}
