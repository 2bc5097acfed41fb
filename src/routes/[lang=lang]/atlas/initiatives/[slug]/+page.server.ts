import { error } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { isAppError } from '#lib/server/http/app-error.ts';
import { getInitiative } from '#lib/server/atlas/initiative.service.ts';

export async function load({ params }) {
	const app = await getApp();
	const initiative = await getInitiative(app.database.db, params.slug).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	return { initiative };
}
