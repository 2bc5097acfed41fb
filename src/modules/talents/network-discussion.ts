// Each network's discussion space (issue 11, item 2), on the platform's discussions: its members read and
// post; its coordinators (a grant limited to the network) and the ministry's moderators moderate it.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { Discussion } from '../../platform/discussion/discussion.service.ts';
import { network, networkMember, type NetworkRecord } from './talents.table.ts';

/** The key every network's discussion is stored under (its scope: the network's slug). */
export const NETWORK_DISCUSSION = 'talents.network';

export function networkDiscussion(row: Pick<NetworkRecord, 'id' | 'slug' | 'name'>): Discussion {
	return {
		key: NETWORK_DISCUSSION,
		scope: row.slug,
		moderateAction: 'talents.discussion.moderate',
		async membersAmong(db, userIds) {
			const found = await db
				.select({ userId: networkMember.userId })
				.from(networkMember)
				.where(and(eq(networkMember.networkId, row.id), inArray(networkMember.userId, [...userIds]), eq(networkMember.status, 'member')));
			return new Set(found.map((member) => member.userId));
		},
		path: `/talents/networks/${row.slug}/discussion`,
		joinPath: `/talents/networks/${row.slug}`,
		title: (language) => {
			const name = pickText(row.name, language);
			return { text: name.text, lang: name.lang };
		},
		auditResource: 'talents_network_discussion'
	};
}

/** A network's discussion by the network's address (404 for an unknown network). */
export async function discussionOf(db: DbOrTx, slug: string): Promise<Discussion> {
	const [row] = await db.select({ id: network.id, slug: network.slug, name: network.name }).from(network).where(eq(network.slug, slug));
	if (!row) throw new AppError('not_found');
	return networkDiscussion(row);
}
