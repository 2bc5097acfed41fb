// The RAMre network's space (issue 12, item 4): the secretariat's announcements, the network's meetings
// with their minutes, and the member organisations' contributions to the ministry's strategy, on the
// platform's workspaces. Its members are the people of member organisations.
import { and, asc, eq } from 'drizzle-orm';
import { organisation, organisationMember, user } from '../../platform/accounts/accounts.table.ts';
import type { Workspace } from '../../platform/workspace/workspace.service.ts';
import { mayReach } from '../../platform/policy/policy.ts';
import { networkStages } from './return.model.ts';
import { myOrganisations } from './network.ts';
import { networkMember } from './return.table.ts';

export const networkSpace: Workspace = {
	key: 'return.network',
	manageAction: 'return.secretariat',
	async memberOrganisations(ctx) {
		if (!ctx.actor || !mayReach(ctx.actor, 'return.network.contribute')) return [];
		return (await myOrganisations(ctx)).filter((item) => item.status === 'member').map((item) => ({ id: item.id, name: item.name }));
	},
	async allMemberOrganisations(db) {
		return db
			.select({ id: organisation.id, name: organisation.name })
			.from(networkMember)
			.innerJoin(organisation, eq(organisation.id, networkMember.organisationId))
			.where(eq(networkMember.status, 'member'))
			.orderBy(asc(organisation.name));
	},
	async members(db) {
		return db
			.selectDistinct({ email: user.email, name: user.name, locale: user.locale })
			.from(organisationMember)
			.innerJoin(networkMember, and(eq(networkMember.organisationId, organisationMember.organisationId), eq(networkMember.status, 'member')))
			.innerJoin(user, eq(user.id, organisationMember.userId));
	},
	// contributions are about a stage of return (the network's services)
	topics: networkStages,
	path: '/return/network/space',
	titleKey: 'return.network_space_title',
	auditResource: 'return_network'
};
