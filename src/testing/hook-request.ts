// One request through the request hook (src/hooks.server.ts) as SvelteKit makes it: an event for a
// route, and a `resolve` standing for the page or endpoint, which records whom it ran for.
import type { RequestEvent } from '@sveltejs/kit';
import { handle } from '../hooks.server.ts';

export interface HookCall {
	response: Response;
	/** who the route ran for (null: anonymous), or undefined when the hook answered without running it */
	ranFor: string | null | undefined;
}

const page = () => new Response('<!doctype html><p>page</p>', { headers: { 'content-type': 'text/html' } });

/** The route answers what `route` gives (an HTML page unless given); it sees the event the hook prepared. */
export async function throughTheHook(
	routeId: string,
	pathname: string,
	headers: Record<string, string> = {},
	route: (event: RequestEvent) => Response | Promise<Response> = page
): Promise<HookCall> {
	let ranFor: string | null | undefined;
	const url = new URL(`http://localhost${pathname}`);
	const event = {
		request: new Request(url, { headers }),
		url,
		route: { id: routeId },
		params: {},
		locals: {},
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
	const response = await handle({
		event,
		resolve: async (resolved: RequestEvent) => {
			ranFor = resolved.locals.user?.email ?? null;
			return route(resolved);
		}
	} as Parameters<typeof handle>[0]);
	return { response, ranFor };
}
