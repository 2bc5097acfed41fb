import type { RouteTable } from '../../platform/policy/route-access.ts';

/**
 * The library is public (lists, documents, their files and citations); proposing needs
 * 'knowledge.propose' (partners, editors); the moderation queue and review need 'knowledge.moderate'.
 */
export const knowledgeRoutes: RouteTable = {
	'/[lang=lang]/knowledge': { GET: 'public' },
	'/[lang=lang]/knowledge/export': { GET: 'public' },
	'/[lang=lang]/knowledge/documents/[slug]': { GET: 'public' },
	'/[lang=lang]/knowledge/documents/[slug]/file': { GET: 'public' },
	// the documents linking to an Atlas initiative or a strategy's action (their pages' backlinks): public like the library
	'/[lang=lang]/knowledge/linked': { GET: 'public' },
	// a document's history is public like the document; restoring an earlier version is the editors' (confirmed, then posted)
	'/[lang=lang]/knowledge/documents/[slug]/history': { GET: 'public', POST: 'knowledge.moderate' },
	'/[lang=lang]/knowledge/documents/[slug]/propose': { GET: 'knowledge.propose', POST: 'knowledge.propose' },
	'/[lang=lang]/knowledge/propose': { GET: 'knowledge.propose', POST: 'knowledge.propose' },
	// one's own proposals (the service shows a proposer theirs alone) and the withdrawal of one still waiting
	'/[lang=lang]/knowledge/proposals': { GET: 'knowledge.propose' },
	'/[lang=lang]/knowledge/proposals/[id]': { GET: 'knowledge.propose', POST: 'knowledge.propose' },
	'/[lang=lang]/knowledge/moderation': { GET: 'knowledge.moderate' },
	'/[lang=lang]/knowledge/moderation/[id]': { GET: 'knowledge.moderate', POST: 'knowledge.moderate' },
	'/[lang=lang]/knowledge/moderation/[id]/file': { GET: 'knowledge.moderate' },
	// events: public (a draft answers not found to anyone but the editors, in the service)
	'/[lang=lang]/knowledge/events': { GET: 'public' },
	// registering is public (signed in or not); the personal link is the key to one's registration
	'/[lang=lang]/knowledge/events/[slug]': { GET: 'public', POST: 'public' },
	'/[lang=lang]/knowledge/events/[slug]/ics': { GET: 'public' },
	'/[lang=lang]/knowledge/events/registration/[token]': { GET: 'public', POST: 'public' },
	'/[lang=lang]/knowledge/events/export': { GET: 'public' },
	'/[lang=lang]/knowledge/events/calendar': { GET: 'public' },
	'/[lang=lang]/knowledge/events/mine': { GET: 'signed_in', POST: 'signed_in' },
	'/[lang=lang]/knowledge/events/new': { GET: 'knowledge.edit_events', POST: 'knowledge.edit_events' },
	'/[lang=lang]/knowledge/events/[slug]/edit': { GET: 'knowledge.edit_events', POST: 'knowledge.edit_events' },
	'/[lang=lang]/knowledge/events/[slug]/registrations': { GET: 'knowledge.edit_events', POST: 'knowledge.edit_events' },
	'/[lang=lang]/knowledge/events/[slug]/registrations/export': { GET: 'knowledge.edit_events' },
	// surveys: the list and a survey's page are public (drafts: not found but for the editors, in the
	// service); answering on the page needs an account, a personal link is its own key; results are
	// public only once closed and when the editors say so (in the service)
	'/[lang=lang]/knowledge/surveys': { GET: 'public' },
	'/[lang=lang]/knowledge/surveys/new': { GET: 'knowledge.edit_surveys', POST: 'knowledge.edit_surveys' },
	'/[lang=lang]/knowledge/surveys/[slug]': { GET: 'public', POST: 'signed_in' },
	'/[lang=lang]/knowledge/surveys/[slug]/edit': { GET: 'knowledge.edit_surveys', POST: 'knowledge.edit_surveys' },
	'/[lang=lang]/knowledge/surveys/[slug]/invitations': { GET: 'knowledge.edit_surveys', POST: 'knowledge.edit_surveys' },
	'/[lang=lang]/knowledge/surveys/[slug]/results': { GET: 'public' },
	'/[lang=lang]/knowledge/surveys/[slug]/results/export': { GET: 'knowledge.edit_surveys' },
	'/[lang=lang]/knowledge/surveys/answer/[token]': { GET: 'public', POST: 'public' },
	// the newsletter: its archive and subscribing are public; the confirmation and unsubscribe links are their own keys
	'/[lang=lang]/knowledge/newsletters': { GET: 'public', POST: 'public' },
	'/[lang=lang]/knowledge/newsletters/new': { GET: 'knowledge.edit_newsletter', POST: 'knowledge.edit_newsletter' },
	'/[lang=lang]/knowledge/newsletters/[number]': { GET: 'public', POST: 'knowledge.edit_newsletter' },
	'/[lang=lang]/knowledge/newsletters/[number]/edit': { GET: 'knowledge.edit_newsletter', POST: 'knowledge.edit_newsletter' },
	'/[lang=lang]/knowledge/newsletters/confirm/[token]': { GET: 'public', POST: 'public' },
	'/[lang=lang]/knowledge/newsletters/unsubscribe/[token]': { GET: 'public', POST: 'public' },
	// research mapping: public; a researcher's own profile needs their account (the profile is theirs)
	'/[lang=lang]/knowledge/research': { GET: 'public' },
	'/[lang=lang]/knowledge/research/export': { GET: 'public' },
	'/[lang=lang]/knowledge/research/researchers': { GET: 'public' },
	'/[lang=lang]/knowledge/research/researchers/[slug]': { GET: 'public' },
	'/[lang=lang]/knowledge/research/profile': { GET: 'signed_in', POST: 'signed_in' },

	// API
	'/api/v1/knowledge/documents': { GET: 'public' },
	'/api/v1/knowledge/documents/[id]': { GET: 'public' },
	'/api/v1/knowledge/documents/[id]/citation': { GET: 'public' },
	'/api/v1/knowledge/proposals': { GET: 'knowledge.propose' },
	'/api/v1/knowledge/proposals/[id]/withdrawal': { POST: 'knowledge.propose' },
	'/api/v1/knowledge/events': { GET: 'public' },
	'/api/v1/knowledge/events/[slug]': { GET: 'public' },
	'/api/v1/knowledge/events/[slug]/registrations': { POST: 'public' },
	'/api/v1/knowledge/surveys': { GET: 'public' },
	'/api/v1/knowledge/surveys/[slug]/results': { GET: 'public' },
	'/api/v1/knowledge/newsletters': { GET: 'public' },
	'/api/v1/knowledge/newsletters/[number]': { GET: 'public' },
	// a mail client's one-click unsubscribe (RFC 8058): the key is in the address
	'/api/v1/knowledge/newsletters/unsubscribe/[token]': { POST: 'public' },
	'/api/v1/knowledge/research/matrix': { GET: 'public' },
	'/api/v1/knowledge/researchers': { GET: 'public' }
};
