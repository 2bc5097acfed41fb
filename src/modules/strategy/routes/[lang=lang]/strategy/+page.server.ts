import { getApp } from '#platform/app.ts';
import { listStrategies } from '#modules/strategy/strategy.service.ts';

export async function load({ locals }) {
	const app = await getApp();
	return { strategies: await listStrategies(app.database.db, locals.language) };
}
