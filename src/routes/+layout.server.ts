import { can } from '#platform/policy/policy.ts';
import { getApp } from '#platform/app.ts';
import { bodyLimitFor, sizeText } from '#platform/http/body-limits.ts';
import { registersServiceWorker } from '#platform/offline/offline-reading.ts';

// Pages are rendered on the server and work without JavaScript; no framework script is sent.
export const csr = false;

export async function load({ locals, url, route }) {
	// a form sent over this page's size limit was sent back here unread (the request hook): say why
	const refusedBody = url.searchParams.get('refused') === 'too_large' ? sizeText(bodyLimitFor(route.id, (await getApp()).settings)) : null;
	return {
		refusedBody,
		language: locals.language,
		user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
		canAdminister: can(locals.actor, 'admin.access'),
		registersWorker: registersServiceWorker(url.pathname)
	};
}
