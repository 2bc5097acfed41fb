import type { RequestEvent } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { signOut } from '#platform/accounts/account.service.ts';

/**
 * Target of the "Sign out" button (POST only): ends the browser session and goes home.
 * Anyone may post here; without a browser session it does nothing but go home.
 */
export async function POST({ request, locals }: RequestEvent) {
	if (locals.user && locals.authMethod === 'session') {
		const app = await getApp();
		await signOut(app, { headers: request.headers, audit: locals.audit }, locals.user);
	}
	return new Response(null, { status: 303, headers: { location: `/${locals.language}` } });
}
