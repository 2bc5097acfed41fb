import { getApp } from '#platform/app.ts';
import { listGuide } from '#modules/return/guide.ts';
import { isReturnProfile } from '#modules/return/return.model.ts';

/** The guide's home: who it is for, its topics (only one profile's with `?profile=`), the tools. */
export async function load({ url, locals }) {
	const app = await getApp();
	const asked = url.searchParams.get('profile');
	const profile = isReturnProfile(asked) ? asked : null;
	const pages = await listGuide(app.database.db, locals.language, profile ?? undefined);
	return { profile, pages };
}
