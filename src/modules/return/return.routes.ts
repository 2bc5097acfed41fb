import type { RouteTable } from '../../platform/policy/route-access.ts';

/**
 * Reading the guide, the pension table and the checklist is public (the checklist is a GET form that
 * needs no account); saving a checklist needs one; moderators keep the guide and the pension table.
 */
export const returnRoutes: RouteTable = {
	'/[lang=lang]/return': { GET: 'public' },
	'/[lang=lang]/return/guide': { GET: 'public' },
	'/[lang=lang]/return/guide.pdf': { GET: 'public' },
	'/[lang=lang]/return/guide/[topic]': { GET: 'public' },
	'/[lang=lang]/return/guide/[topic]/history': { GET: 'public' },
	'/[lang=lang]/return/guide/[topic]/edit': { GET: 'return.guide.edit', POST: 'return.guide.edit' },
	'/[lang=lang]/return/to-complete': { GET: 'return.guide.edit' },
	'/[lang=lang]/return/pensions': { GET: 'public' },
	'/[lang=lang]/return/pensions/edit': { GET: 'return.pension.manage', POST: 'return.pension.manage' },
	'/[lang=lang]/return/checklist': { GET: 'public', POST: 'return.checklist.keep' },

	'/[lang=lang]/return/services': { GET: 'public' },
	'/[lang=lang]/return/services/new': { GET: 'return.network.contribute', POST: 'return.network.contribute' },
	'/[lang=lang]/return/services/[id]/edit': { GET: 'return.network.contribute', POST: 'return.network.contribute' },
	'/[lang=lang]/return/network/join': { GET: 'return.network.contribute', POST: 'return.network.contribute' },
	'/[lang=lang]/return/network/requests': { GET: 'return.secretariat', POST: 'return.secretariat' },
	// the network's space: the secretariat and the people of member organisations (checked in the service)
	'/[lang=lang]/return/network/space': { GET: 'return.network.contribute' },
	'/[lang=lang]/return/network/space/announcements': { GET: 'return.network.contribute', POST: 'return.secretariat' },
	'/[lang=lang]/return/network/space/meetings': { GET: 'return.network.contribute', POST: 'return.secretariat' },
	'/[lang=lang]/return/network/space/meetings/[id]': { GET: 'return.network.contribute', POST: 'return.secretariat' },
	'/[lang=lang]/return/network/space/contributions': { GET: 'return.network.contribute', POST: 'return.network.contribute' },
	'/[lang=lang]/return/network/space/contributions/[id]': { GET: 'return.network.contribute', POST: 'return.secretariat' },
	'/[lang=lang]/return/referrals': { GET: 'return.network.contribute', POST: 'return.network.contribute' },
	'/[lang=lang]/return/cases': { GET: 'return.case.work' },
	'/[lang=lang]/return/cases/export': { GET: 'return.case.work' },
	'/[lang=lang]/return/cases/new': { GET: 'return.case.work', POST: 'return.case.work' },
	'/[lang=lang]/return/cases/[id]': { GET: 'return.case.work', POST: 'return.case.work' },
	'/[lang=lang]/return/cases/[id]/referral': { GET: 'return.case.work', POST: 'return.case.work' },
	'/[lang=lang]/return/cases/[id]/documents/[documentId]': { GET: 'return.case.work' },
	'/[lang=lang]/return/cases/[id]/survey/[round]': { GET: 'return.case.work', POST: 'return.case.work' },
	// the returnee's personal link is the key: no account needed
	'/[lang=lang]/return/survey/[token]': { GET: 'public', POST: 'public' },
	'/[lang=lang]/return/my-reintegration': { GET: 'return.checklist.keep' },
	'/[lang=lang]/return/my-reintegration/documents/[documentId]': { GET: 'return.checklist.keep' },
	'/[lang=lang]/return/statistics': { GET: 'public' },
	'/[lang=lang]/return/statistics/export': { GET: 'public' },
	// the schemes catalogue: the secretariat adds; the secretariat or the operator's partners edit (checked in the service)
	'/[lang=lang]/return/schemes': { GET: 'public' },
	'/[lang=lang]/return/schemes/new': { GET: 'return.secretariat', POST: 'return.secretariat' },
	'/[lang=lang]/return/schemes/[slug]/edit': { GET: 'return.network.contribute', POST: 'return.network.contribute' },
	// emergency return: registering and "I am safe" need no account (the personal link is the key)
	'/[lang=lang]/return/crisis': { GET: 'public' },
	'/[lang=lang]/return/crisis/[slug]/register': { GET: 'public', POST: 'public' },
	'/[lang=lang]/return/crisis/safe/[token]': { GET: 'public', POST: 'public' },
	// the cell and its relays; opening, closing, assigning and merging are the cell's (checked in the service)
	'/[lang=lang]/return/crisis/cell': { GET: 'return.crisis.relay', POST: 'return.crisis.manage' },
	'/[lang=lang]/return/crisis/cell/[slug]': { GET: 'return.crisis.relay', POST: 'return.crisis.manage' },
	'/[lang=lang]/return/crisis/cell/[slug]/registrations': { GET: 'return.crisis.relay', POST: 'return.crisis.relay' },
	'/[lang=lang]/return/crisis/cell/[slug]/export': { GET: 'return.crisis.manage' },
	'/[lang=lang]/return/crisis/cell/[slug]/places': { GET: 'return.crisis.manage', POST: 'return.crisis.manage' },
	// the responder's guide: read by the cell and its relays (to prepare), kept by the cell; a crisis's checklist
	'/[lang=lang]/return/crisis/responders': { GET: 'return.crisis.relay' },
	'/[lang=lang]/return/crisis/responders/[role]/edit': { GET: 'return.crisis.manage', POST: 'return.crisis.manage' },
	'/[lang=lang]/return/crisis/cell/[slug]/checklist': { GET: 'return.crisis.relay', POST: 'return.crisis.relay' },

	'/api/v1/return/services': { GET: 'public' },
	'/api/v1/return/services/export': { GET: 'public' },
	'/api/v1/return/guide': { GET: 'public' },
	'/api/v1/return/guide/[slug]': { GET: 'public' },
	'/api/v1/return/pension-agreements': { GET: 'public' },
	'/api/v1/return/statistics': { GET: 'public' },
	'/api/v1/return/schemes': { GET: 'public' },
	'/api/v1/return/cases': { GET: 'return.case.work' },
	'/api/v1/return/cases/[id]': { GET: 'return.case.work' }
};
