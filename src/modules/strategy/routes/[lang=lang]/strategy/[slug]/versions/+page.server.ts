import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { orPageError } from '#modules/strategy/plan-page.ts';
import { versionsOf } from '#modules/strategy/programme-versions.service.ts';

/** A strategy's approved programme versions (its planners and owners: every one), and two to compare. */
export async function load({ params, locals }) {
	const ctx = requestContext(await getApp(), locals);
	const page = await orPageError(versionsOf(ctx, params.slug));
	const options = [...(page.can.see ? [{ value: 'draft', label: translate(ctx.language, 'strategy.draft_label') }] : []), ...page.versions.map((version) => ({ value: version.ref, label: `${version.label} — ${translate(ctx.language, `strategy.version_state_${version.state}`)}` }))];
	// by default: the latest approved version against the draft (planners), or against the approved one before it
	const approved = page.versions.filter((version) => version.state === 'approved');
	const to = page.can.see ? 'draft' : (approved[0]?.ref ?? '');
	const from = page.can.see ? (approved[0]?.ref ?? page.versions[0]?.ref ?? '') : (approved[1]?.ref ?? '');
	return { ...page, options, defaults: { from, to } };
}
