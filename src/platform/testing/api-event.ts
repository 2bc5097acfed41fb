// For tests that call API handlers directly: the RequestEvent a token's request of a person makes
// (as hooks.server.ts would fill `locals`). Make the person with aPerson (people.ts): a Person is a Caller.
import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../policy/policy.ts';

export interface Caller {
	actor: Actor;
	email: string;
}

export interface ApiEventInit {
	method?: string;
	/** a JSON body (sets content-type) */
	json?: unknown;
	/** a raw body, with its `contentType` */
	body?: BodyInit;
	contentType?: string;
	params?: Record<string, string>;
	/** the query string, with its `?` */
	search?: string;
	/** the request's language (`locals.language`), English unless given */
	language?: string;
}

/** The event of an API request by `caller` with a token (`null`: anonymous). */
export function apiEvent(caller: Caller | null, init: ApiEventInit = {}): RequestEvent {
	const url = new URL(`http://localhost/api/v1/test${init.search ?? ''}`);
	const headers: Record<string, string> = {};
	if (init.json !== undefined) headers['content-type'] = 'application/json';
	if (init.contentType) headers['content-type'] = init.contentType;
	const request = new Request(url, {
		method: init.method ?? 'GET',
		headers,
		body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
		// a streamed body (a large upload) needs duplex: 'half' in Node's fetch
		...(init.body instanceof ReadableStream ? { duplex: 'half' } : {})
	} as RequestInit);
	return {
		request,
		url,
		params: init.params ?? {},
		locals: {
			language: init.language ?? 'en',
			user: caller ? { id: caller.actor.userId, name: 'x', email: caller.email, role: caller.actor.role, locale: 'fr' } : null,
			actor: caller?.actor ?? null,
			authMethod: caller ? 'token' : null,
			audit: { actorUserId: caller?.actor.userId ?? null, actorLabel: caller?.email ?? null, channel: 'api', requestId: 'test', ip: '127.0.0.1' }
		}
	} as unknown as RequestEvent;
}
