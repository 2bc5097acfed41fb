import { z } from 'zod';
import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { registerForEvent } from '#modules/knowledge/events/registration.service.ts';

/** Registers a person for an event, as its page does (public: a partner's site may register people with their consent). */
export const POST = apiEndpoint(async ({ params, request, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const body = await readJson(request, z.record(z.string(), z.unknown()));
	const registered = await registerForEvent(ctx, params.slug ?? '', body);
	return Response.json(
		{
			status: registered.status,
			code: registered.status === 'confirmed' ? registered.code : null,
			registrationUrl: `${ctx.publicUrl}/${ctx.language}/knowledge/events/registration/${registered.token}`,
			emailed: registered.emailed
		},
		{ status: 201, headers: { 'cache-control': 'no-store' } }
	);
});
