import './compose.ts';
import crypto from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { building } from '$app/env';
import { getRequestEvent } from '$app/server';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { startApp, getApp, stopApp, type App } from '#platform/app.ts';
import { isLanguage, negotiateLanguage, direction, type Language } from '#platform/i18n/languages.ts';
import { accessFor } from '#platform/policy/route-access.ts';
import { mayReach } from '#platform/policy/policy.ts';
import { loadActor, asRole } from '#platform/accounts/actor.ts';
import { readSession, type SignedInPerson } from '#platform/accounts/session-reader.ts';
import { bearerTokenOf, findUserByApiToken } from '#platform/accounts/api-token.service.ts';
import { errorResponse, unavailableResponse } from '#platform/http/api.ts';
import { isDatabaseUnavailable, outageRetryAfterSeconds } from '#platform/db/outage.ts';
import { AppError } from '#platform/http/app-error.ts';
import { reportFrom, requestDuration } from '#platform/metrics/metrics.ts';
import { bodyLimitFor, sizeText } from '#platform/http/body-limits.ts';
import { recordAudit } from '#platform/audit/audit.service.ts';
import { translate } from '#platform/i18n/translator.ts';
import { cachedPublicResponse, isCacheablePublicRead } from '#platform/cache/public-response-cache.ts';
import { servingReadRequest } from '#platform/http/read-request.ts';

export const init: ServerInit = async () => {
	if (building) return;
	const app = await startApp({ authPlugins: [sveltekitCookies(getRequestEvent)], demo: true, jobWorkers: true });
	reportFrom({ pool: () => app.database.poolStats?.() ?? null, queues: () => app.queue.depths() });
	// adapter-node and our own server (scripts/serve.ts) emit this once they stop accepting requests.
	process.once('sveltekit:shutdown' as 'exit', () => {
		void stopApp().then(() => app.logger.info('database closed'));
	});
};

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestLanguage(pathname: string, acceptLanguage: string | null): Language {
	const first = pathname.split('/')[1];
	return isLanguage(first) ? first : negotiateLanguage(acceptLanguage);
}

function clientIp(event: Parameters<Handle>[0]['event']): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

async function authenticate(app: App, event: Parameters<Handle>[0]['event']): Promise<Response | null> {
	// Only a Bearer header is ours; another scheme (a Basic-auth proxy in front of the site) is ignored.
	const token = bearerTokenOf(event.request.headers.get('authorization'));
	if (token !== null) {
		const found = token ? await findUserByApiToken(app.database.db, token) : null;
		if (!found) return errorResponse(event.locals.language, 'unauthenticated');
		signIn(event, found.user, 'token');
		event.locals.actor = found.actor;
		event.locals.audit.channel = 'api';
		event.locals.apiToken = { id: found.tokenId, name: found.tokenName };
		return null;
	}
	// without a session cookie there is no session: better-auth is not asked (most public requests)
	const cookieHeader = event.request.headers.get('cookie') ?? '';
	if (!cookieHeader.includes('session_token')) return null;
	const reading = await readSession(app.database.db, cookieHeader, app.sessionSettings);
	if (reading.kind === 'none') return null;
	if (reading.kind === 'signed-in') {
		signIn(event, reading.person, 'session');
		event.locals.actor = reading.actor;
		return null;
	}
	const session = await app.auth.api.getSession({ headers: event.request.headers });
	if (!session) {
		// better-auth answers "no session" when it cannot read sessions: make sure the database
		// answered before treating the person as signed out.
		if (!(await app.database.ping())) throw new AppError('database_unavailable');
		return null;
	}
	signIn(event, session.user, 'session');
	event.locals.actor = await loadActor(app.database.db, session.user.id, event.locals.user!.role);
	return null;
}

function signIn(event: Parameters<Handle>[0]['event'], person: SignedInPerson, method: 'session' | 'token') {
	event.locals.authMethod = method;
	event.locals.user = {
		id: person.id,
		name: person.name,
		email: person.email,
		role: asRole(person.role),
		locale: isLanguage(person.locale) ? person.locale : 'fr'
	};
	event.locals.audit.actorUserId = person.id;
	event.locals.audit.actorLabel = person.email;
}

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const app = await getApp();
	const { pathname } = event.url;
	const isApi = pathname.startsWith('/api/');
	const incomingId = event.request.headers.get('x-request-id');
	const requestId = incomingId && REQUEST_ID.test(incomingId) ? incomingId : crypto.randomUUID();
	const language = requestLanguage(pathname, event.request.headers.get('accept-language'));
	event.locals.requestId = requestId;
	event.locals.language = language;
	event.locals.user = null;
	event.locals.actor = null;
	event.locals.authMethod = null;
	event.locals.apiToken = null;
	event.locals.denied = null;
	event.locals.outage = false;
	event.locals.audit = {
		actorUserId: null,
		actorLabel: null,
		channel: isApi ? 'api' : 'web',
		requestId,
		ip: clientIp(event)
	};

	const serve = () => guardAndResolve(app, event, resolve, isApi, language);
	// a GET or HEAD writes nothing the revision caches cover: its reads may share one revision check
	const method = event.request.method;
	let response = await (method === 'GET' || method === 'HEAD' ? servingReadRequest(started, serve) : serve()).catch((error: unknown) => {
		if (isDatabaseUnavailable(error)) {
			app.logger.warn({ err: error, requestId }, 'database unavailable');
			if (isApi) return unavailableResponse(language);
			return new Response(translate(language, 'errors.database_unavailable'), {
				status: 503,
				headers: { 'retry-after': String(outageRetryAfterSeconds), 'content-type': 'text/plain; charset=utf-8' }
			});
		}
		app.logger.error({ err: error, requestId }, 'request failed');
		if (isApi) return errorResponse(language, 'internal');
		throw error;
	});
	response = answerFailuresAsTheirKind(response, event.locals.outage, isApi, language);

	requestDuration.observe({ route: event.route.id ?? 'unmatched', method: event.request.method, status: String(response.status) }, (performance.now() - started) / 1000);
	secureHeaders(response.headers, app.settings.production, requestId, isApi);
	privateToSignedIn(response.headers, event.locals.user !== null);
	app.logger.info(
		{
			requestId,
			method: event.request.method,
			path: pathname,
			status: response.status,
			ms: Math.round(performance.now() - started),
			user: (event.locals.user as App.SignedInUser | null)?.id
		},
		'request'
	);
	return response;
};

async function guardAndResolve(
	app: App,
	event: Parameters<Handle>[0]['event'],
	resolve: Parameters<Handle>[0]['resolve'],
	isApi: boolean,
	language: Language
): Promise<Response> {
	const method = event.request.method;
	const length = Number(event.request.headers.get('content-length') ?? 0);
	const bodyLimit = bodyLimitFor(event.route.id, app.settings);
	if (length > bodyLimit) {
		if (isApi) return errorResponse(language, 'payload_too_large', { values: { limit: sizeText(bodyLimit) } });
		// a page's form: back to the page (the body unread), which says why in its language (issue #17 rule 19)
		return new Response(null, { status: 303, headers: { location: `${event.url.pathname}?refused=too_large`, 'cache-control': 'no-store' } });
	}

	// A NUL character cannot be stored by PostgreSQL: refuse it in the address or a submitted form at once.
	if (/%00|\u0000/i.test(event.url.pathname + event.url.search) || (await formHasNul(event.request))) {
		if (isApi) return errorResponse(language, 'invalid_input');
		return new Response(translate(language, 'errors.invalid_input'), { status: 400 });
	}

	// With the database out of reach nobody can be recognised: public pages still render (and cached
	// ones are served); anything that needs the person answers 503 below.
	// /metrics reads its own bearer token (METRICS_TOKEN), which is not a person's API token.
	const refused = await (event.route.id === '/metrics' ? Promise.resolve(null) : authenticate(app, event)).catch((error: unknown) => {
		if (!isDatabaseUnavailable(error)) throw error;
		event.locals.outage = true;
		event.locals.user = null;
		event.locals.actor = null;
		return null;
	});
	if (refused) return refused;

	if (event.route.id === null) {
		if (isApi) return errorResponse(language, 'not_found');
		return resolve(event, { transformPageChunk: htmlAttributes(language) }); // the localised 404 page
	}

	const access = accessFor(event.route.id, method);
	if (!access) {
		if (isApi) return errorResponse(language, 'method_not_allowed', { headers: { allow: allowedMethods(event.route.id) } });
		return new Response(translate(language, 'errors.method_not_allowed'), { status: 405 });
	}
	if (access !== 'public') {
		if (event.locals.outage) {
			if (isApi) return unavailableResponse(language);
			if (method !== 'GET' && method !== 'HEAD') return new Response(translate(language, 'errors.database_unavailable'), { status: 503, headers: { 'retry-after': String(outageRetryAfterSeconds) } });
			event.locals.denied = 503; // the language layout shows the localised outage page
			return resolve(event, { transformPageChunk: htmlAttributes(language) });
		}
		if (!event.locals.user) {
			if (isApi) return errorResponse(language, 'unauthenticated');
			const next = event.url.pathname + event.url.search;
			return new Response(null, {
				status: 303,
				headers: { location: `/${language}/account/sign-in?next=${encodeURIComponent(next)}` }
			});
		}
		if (access !== 'signed_in' && !mayReach(event.locals.actor, access)) {
			if (isApi) return errorResponse(language, 'forbidden');
			if (method !== 'GET' && method !== 'HEAD') {
				return new Response(translate(language, 'errors.forbidden'), { status: 403 });
			}
			// The language layout turns this into the localised 403 page; no action has run.
			event.locals.denied = 403;
		}
	}

	if (event.locals.apiToken) {
		// API token use is audited: who, which token, what.
		await recordAudit(app.database.db, event.locals.audit, {
			action: 'api_token.use',
			resourceType: 'api_token',
			resourceId: event.locals.apiToken.id,
			after: { name: event.locals.apiToken.name, method, path: event.url.pathname }
		});
	}

	const render = () => resolve(event, { transformPageChunk: htmlAttributes(language) });
	return isCacheablePublicRead(event) ? cachedPublicResponse(app, event, render) : render();
}

async function formHasNul(request: Request): Promise<boolean> {
	if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return false;
	const body = await request.clone().text();
	return /%00|\u0000/i.test(body);
}

function allowedMethods(routeId: string): string {
	return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => accessFor(routeId, m)).join(', ');
}

function htmlAttributes(language: Language) {
	return ({ html }: { html: string }) => html.replace('%lang%', language).replace('%dir%', direction(language));
}

function secureHeaders(headers: Headers, production: boolean, requestId: string, isApi: boolean) {
	headers.set('x-request-id', requestId);
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	headers.set('x-frame-options', 'DENY');
	headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	headers.set('cross-origin-opener-policy', 'same-origin');
	if (production) headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
	if (isApi && !headers.has('content-security-policy')) {
		headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
	}
}

/**
 * What is made for a signed-in person (their pages, page data, API answers; public pages too, which show
 * who is signed in) is kept by no shared cache nor on disk: `private, no-store`, unless the route chose.
 */
function privateToSignedIn(headers: Headers, signedIn: boolean) {
	if (signedIn && !headers.has('cache-control')) headers.set('cache-control', 'private, no-store');
}

/**
 * An API answer is JSON whatever the client accepts (SvelteKit renders an unexpected failure as HTML
 * when no Accept header asks for JSON); a failure because the database is out of reach is a 503 with
 * Retry-After, not a 500.
 */
function answerFailuresAsTheirKind(response: Response, outage: boolean, isApi: boolean, language: Language): Response {
	if (response.status < 500 || response.status === 503) return response;
	if (isApi && !(response.headers.get('content-type') ?? '').includes('application/json')) {
		return outage ? unavailableResponse(language) : errorResponse(language, 'internal');
	}
	if (!outage) return response;
	if (isApi) return unavailableResponse(language);
	const headers = new Headers(response.headers);
	headers.set('retry-after', String(outageRetryAfterSeconds));
	headers.set('cache-control', 'no-store');
	return new Response(response.body, { status: 503, headers });
}

export const handleError: HandleServerError = async ({ kind, error, event }) => {
	if (isDatabaseUnavailable(error)) {
		event.locals.outage = true;
		return { message: 'database_unavailable', requestId: event.locals.requestId };
	}
	if (kind === 'unknown') {
		try {
			(await getApp()).logger.error({ err: error, requestId: event.locals.requestId }, 'unexpected error');
		} catch {
			console.error(error);
		}
	}
	return { requestId: event.locals.requestId };
};
