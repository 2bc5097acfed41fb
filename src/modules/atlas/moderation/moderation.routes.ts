import type { RouteTable } from '../../../platform/policy/route-access.ts';

/**
 * Atlas collaboration and moderation: the write side of routes whose reading (GET) the Atlas's own
 * table declares (tables are merged method by method).
 */
export const moderationRoutes: RouteTable = {
	// The initiative page: public; its forms (private discussion, restore a version) need staff or partners,
	// and restoring is checked again for moderators in the service.
	'/[lang=lang]/atlas/initiatives/[slug]': { POST: 'atlas.discuss' },
	'/[lang=lang]/atlas/initiatives/[slug]/propose': { GET: 'atlas.propose', POST: 'atlas.propose' },
	'/[lang=lang]/atlas/initiatives/new': { GET: 'atlas.propose', POST: 'atlas.propose' },
	'/[lang=lang]/atlas/moderation': { GET: 'atlas.moderate' },
	'/[lang=lang]/atlas/moderation/proposals/[id]': { GET: 'atlas.moderate', POST: 'atlas.moderate' },
	'/[lang=lang]/atlas/moderation/stale': { GET: 'atlas.moderate' },
	'/[lang=lang]/atlas/moderation/organisations': { GET: 'atlas.moderate' },
	'/api/v1/initiatives': { POST: 'atlas.propose' },
	'/api/v1/initiatives/[id]/proposals': { POST: 'atlas.propose' },
	'/api/v1/initiatives/[id]/versions': { GET: 'public' },
	'/api/v1/moderation/proposals': { GET: 'atlas.moderate' },
	'/api/v1/moderation/proposals/[id]/approve': { POST: 'atlas.moderate' },
	'/api/v1/moderation/proposals/[id]/reject': { POST: 'atlas.moderate' },
	'/api/v1/moderation/proposals/[id]/request-changes': { POST: 'atlas.moderate' }
};
