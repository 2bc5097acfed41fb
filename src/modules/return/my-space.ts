import type { RequestContext } from '../../platform/kernel/context.ts';
import type { SpaceLink } from '../../platform/kernel/manifest.ts';
import { getSavedChecklist } from './checklist.ts';
import { guidePagesToComplete } from './guide.ts';
import { serviceOwners, waitingRequests } from './network.ts';
import { myReintegrationCases, openCaseCount } from './reintegration.ts';
import { mayReach } from '../../platform/policy/policy.ts';
import { workspaceWaiting } from '../../platform/workspace/workspace.service.ts';
import { networkSpace } from './network-space.ts';

/** The Return places of one person, with what waits there (my space). */
export async function returnSpace(ctx: RequestContext): Promise<SpaceLink[]> {
	const links: SpaceLink[] = [];
	if (!ctx.actor) return links;
	if (ctx.can('return.checklist.keep')) {
		const saved = await getSavedChecklist(ctx.db, ctx.actor.userId);
		links.push({ path: '/return/checklist', titleKey: 'return.space_checklist', textKey: saved ? 'return.space_checklist_text_saved' : 'return.space_checklist_text' });
	}
	if (ctx.can('return.checklist.keep') && (await myReintegrationCases(ctx)).length > 0) {
		links.push({ path: '/return/my-reintegration', titleKey: 'return.space_my_reintegration', textKey: 'return.space_my_reintegration_text' });
	}
	// a case worker's grant is limited to an operator: reaching the action is enough to have a caseload
	if (mayReach(ctx.actor, 'return.case.work')) {
		links.push({ path: '/return/cases', titleKey: 'return.space_cases', textKey: 'return.space_cases_text', waiting: { count: await openCaseCount(ctx), key: 'return.space_cases_waiting' } });
	}
	if (mayReach(ctx.actor, 'return.crisis.relay')) {
		links.push({ path: '/return/crisis/cell', titleKey: 'return.space_crisis', textKey: 'return.space_crisis_text' });
	}
	if (ctx.can('return.guide.edit')) {
		const pages = await guidePagesToComplete(ctx.db, ctx.language);
		links.push({ path: '/return/to-complete', titleKey: 'return.space_to_complete', textKey: 'return.space_to_complete_text', waiting: { count: pages.length, key: 'return.space_pages_waiting' } });
	}
	if (ctx.can('return.secretariat')) {
		const requests = await waitingRequests(ctx.db);
		links.push({ path: '/return/network/requests', titleKey: 'return.space_requests', textKey: 'return.space_requests_text', waiting: { count: requests.length, key: 'return.space_requests_waiting' } });
		links.push({ path: '/return/statistics', titleKey: 'return.space_statistics', textKey: 'return.space_statistics_text' });
	}
	if (ctx.can('return.network.contribute') && ctx.actor.organisationIds.length > 0) {
		links.push({ path: '/return/network/join', titleKey: 'return.space_join', textKey: 'return.space_join_text' });
		links.push({ path: '/return/referrals', titleKey: 'return.space_referrals', textKey: 'return.space_referrals_text' });
		if ((await serviceOwners(ctx)).length > 0) links.push({ path: '/return/services/new', titleKey: 'return.service_new_title', textKey: 'return.space_service_text' });
	}
	// the network's space: the secretariat sees the contributions waiting for its answer, members the next meetings
	const secretariat = ctx.can('return.secretariat');
	if (secretariat || (await networkSpace.memberOrganisations(ctx)).length > 0) {
		const waiting = await workspaceWaiting(ctx.db, networkSpace, ctx.now());
		links.push({
			path: networkSpace.path,
			titleKey: 'return.network_space_title',
			textKey: 'return.space_network_text',
			waiting: secretariat ? { count: waiting.waitingAnswers, key: 'return.space_contributions_waiting' } : { count: waiting.upcomingMeetings, key: 'return.space_meetings_upcoming' }
		});
	}
	if (ctx.can('return.pension.manage')) {
		links.push({ path: '/return/pensions/edit', titleKey: 'return.space_pensions', textKey: 'return.space_pensions_text' });
	}
	return links;
}
