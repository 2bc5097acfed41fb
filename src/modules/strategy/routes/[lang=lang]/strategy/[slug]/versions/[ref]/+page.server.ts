import { redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { orPageError } from '#modules/strategy/plan-page.ts';
import { totalsByYear } from '#modules/strategy/programme-diff.ts';
import { snapshotLinesByAction, snapshotTree, versionDetail } from '#modules/strategy/programme-versions.service.ts';

/** A programme version, read-only: its facts, totals by year and currency, tree and budget lines. */
export async function load({ params, locals }) {
	const ctx = requestContext(await getApp(), locals);
	const detail = await orPageError(versionDetail(ctx, params.slug, params.ref));
	// one address per version: `v2` and a submission's `s3` once approved lead to `2`
	if (params.ref !== detail.version.ref) redirect(301, `/${locals.language}/strategy/${params.slug}/versions/${detail.version.ref}`);
	const { snapshot, ...rest } = detail;
	return { ...rest, totals: totalsByYear(snapshot), tree: snapshotTree(snapshot, locals.language), lines: snapshotLinesByAction(snapshot) };
}
