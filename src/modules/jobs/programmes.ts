// The directory of support programmes ("Welcome"): a collection of the platform's directories.
import type { DirectoryCollection } from '../../platform/directory/directory.service.ts';
import { countEntriesLinkingTo, type DirectoryQuery } from '../../platform/directory/directory.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { Backlink } from '../../platform/kernel/manifest.ts';
import { linkValue, parseLink } from '../../platform/kernel/links.ts';
import { programmeServices, type ProgrammeService } from './support.model.ts';

/** The Atlas's initiatives a programme may say it belongs to (shown when the Atlas is installed). */
export const INITIATIVE_LINK = 'atlas.initiative';

export const supportProgrammes: DirectoryCollection<ProgrammeService> = {
	key: 'jobs.programmes',
	services: programmeServices,
	manageAction: 'support.programme.manage',
	contributeAction: 'support.programme.contribute',
	linkKinds: [INITIATIVE_LINK],
	auditResource: 'support_programme'
};

/** The directory's query for the list's filters: `initiative` (a slug) is a link to that Atlas initiative. */
export function programmeQuery<Q extends DirectoryQuery & { initiative?: string }>(query: Q): DirectoryQuery {
	return { ...query, link: query.initiative ? linkValue(INITIATIVE_LINK, query.initiative) : undefined };
}

/** On an Atlas initiative's page: the support programmes that say they are part of it. */
export async function programmesLinkingTo(db: DbOrTx, value: string): Promise<Backlink[]> {
	const link = parseLink(value);
	if (link?.kind !== INITIATIVE_LINK) return [];
	const count = await countEntriesLinkingTo(db, supportProgrammes, value);
	return [{ titleKey: 'support.programmes_of_initiative', count, path: `/jobs/programmes?initiative=${encodeURIComponent(link.key)}` }];
}
