import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { campaignAccess, sourcingAgencies } from '#modules/jobs/placement/campaigns.service.ts';
import { listCandidates, moveCandidates, pipelineBoard, pipelineCounts } from '#modules/jobs/placement/pipeline.service.ts';
import { moveInputFrom, pipelineLists } from '#modules/jobs/placement/campaign-forms.ts';
import { correctionsFor, correctMove } from '#modules/jobs/placement/correction.service.ts';

const filterKeys = ['stage', 'agency', 'status', 'q', 'after'] as const;

/** A campaign's candidates as a list (keyset pages, checkboxes for moves) or a board by stage, with counts per stage and agency. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const filter = Object.fromEntries(filterKeys.map((key) => [key, url.searchParams.get(key) ?? '']));
	const board = url.searchParams.get('view') === 'board';
	try {
		const access = await campaignAccess(ctx, params.id);
		const [counts, list, boardView] = await Promise.all([
			pipelineCounts(ctx, access, filter),
			board ? null : listCandidates(ctx, access, filter, { withLastMoves: true }),
			board ? pipelineBoard(ctx, access, filter) : null
		]);
		const { campaign } = access;
		const agencies = sourcingAgencies(access);
		const columns = boardView?.columns ?? null;
		// the rows (or cards) whose last move the person may still correct, and how (their last moves read with them)
		const shown = list ? list.items : (columns ?? []).flatMap((column) => column.cards.map((card) => ({ id: card.id, stage: column.stage, exitReason: card.exitReason })));
		const corrections = await correctionsFor(ctx, access, shown, (list ?? boardView)?.lastMoves);
		return {
			campaign: { id: campaign.id, title: campaign.title, lang: campaign.lang, status: campaign.status, channel: campaign.channel },
			filter: { stage: filter.stage, agency: filter.agency, status: filter.status || 'active', q: filter.q, after: filter.after },
			board,
			counts: { byStage: counts.byStage, byAgency: Object.fromEntries([...counts.byAgency].map(([key, n]) => [key ?? 'none', n])), cells: Object.fromEntries(counts.cells), total: counts.total },
			agencies,
			division: access.agencyIds === null,
			items: list?.items.map((row) => ({ ...row, stageChangedAt: row.stageChangedAt.toISOString() })) ?? [],
			next: list?.next ?? null,
			columns: columns ?? [],
			corrections: Object.fromEntries(corrections),
			lists: pipelineLists(locals.language, campaign)
		};
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		if (isAppError(failure) && failure.code === 'invalid_input') error(400, 'invalid_input');
		throw failure;
	}
}

export const actions = {
	move: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => moveCandidates(ctx, params.id, moveInputFrom(data)), {
			done: (result) => ({ moved: result.moved, announced: result.announced }),
			conflicts: { campaign_closed: 'campaigns.campaign_closed' }
		});
	},
	correct: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => correctMove(ctx, params.id, String(data.get('candidateId') ?? ''), { reason: data.get('reason') ?? '', moveId: data.get('moveId') ?? '' }), {
			done: (result) => ({ corrected: result }),
			conflicts: { campaign_closed: 'campaigns.campaign_closed', correction_stale: 'campaigns.correction_stale' }
		});
	}
};
