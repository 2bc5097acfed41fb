import type { RouteTable } from '../../platform/policy/route-access.ts';

/**
 * Networks, their pages and the public cards are public; one's profile and joining a network need an
 * account ('talents.profile.manage_own'); a network's requests need 'talents.coordinate' (a coordinator
 * grant opens the page, the service checks the network); free skills need 'talents.moderate'.
 */
export const talentsRoutes: RouteTable = {
	'/[lang=lang]/talents': { GET: 'public' },
	'/[lang=lang]/talents/cards': { GET: 'public' },
	'/[lang=lang]/talents/networks/export': { GET: 'public' },
	'/[lang=lang]/talents/networks/[slug]': { GET: 'public', POST: 'talents.profile.manage_own' },
	'/[lang=lang]/talents/networks/[slug]/requests': { GET: 'talents.coordinate', POST: 'talents.coordinate' },
	'/[lang=lang]/talents/networks/[slug]/announcements': { GET: 'talents.coordinate', POST: 'talents.coordinate' },
	'/[lang=lang]/talents/networks/[slug]/coordinators': { GET: 'talents.coordinate', POST: 'talents.coordinate' },
	// the news the coordinators published on the network's page, and their Atom feed
	'/[lang=lang]/talents/networks/[slug]/news': { GET: 'public' },
	'/[lang=lang]/talents/networks/[slug]/news/feed': { GET: 'public' },
	// one news item on its own page, with its picture
	'/[lang=lang]/talents/networks/[slug]/news/[id]': { GET: 'public' },
	// a network's discussion: the page says to anyone how to join; its threads are for members, coordinators and
	// moderators (the platform's discussions check the network); reports for whoever moderates it (a coordinator grant
	// opens the route, the service checks the network); a reply e-mail's "stop following" link: its token is the permission
	'/[lang=lang]/talents/networks/[slug]/discussion': { GET: 'public' },
	'/[lang=lang]/talents/networks/[slug]/discussion/new': { GET: 'talents.profile.manage_own', POST: 'talents.profile.manage_own' },
	'/[lang=lang]/talents/networks/[slug]/discussion/[id]': { GET: 'talents.profile.manage_own', POST: 'talents.profile.manage_own' },
	'/[lang=lang]/talents/networks/[slug]/discussion/reports': { GET: 'talents.discussion.moderate', POST: 'talents.discussion.moderate' },
	'/[lang=lang]/talents/networks/[slug]/discussion/unfollow': { GET: 'public', POST: 'public' },
	// the link of every announcement e-mail: its token is the permission
	'/[lang=lang]/talents/unsubscribe': { GET: 'public', POST: 'public' },
	'/[lang=lang]/talents/profile': { GET: 'talents.profile.manage_own', POST: 'talents.profile.manage_own' },
	'/[lang=lang]/talents/moderation': { GET: 'talents.moderate', POST: 'talents.moderate' },
	'/[lang=lang]/talents/mdcmre': { GET: 'talents.moderate' },
	// the figures are public; moderators add them on the same page
	'/[lang=lang]/talents/diaspora': { GET: 'public', POST: 'talents.moderate' },
	'/[lang=lang]/talents/diaspora/[id]': { GET: 'talents.moderate', POST: 'talents.moderate' },
	// missions: public list and pages; talents express interest and answer on the mission's page
	'/[lang=lang]/talents/missions': { GET: 'public' },
	'/[lang=lang]/talents/missions/export': { GET: 'public' },
	// public counts, under 5 suppressed
	'/[lang=lang]/talents/missions/statistics': { GET: 'public' },
	'/[lang=lang]/talents/missions/[slug]': { GET: 'public', POST: 'talents.profile.manage_own' },
	'/[lang=lang]/talents/missions/for-me': { GET: 'talents.profile.manage_own' },
	// organisations based in Morocco (the service checks the organisation of each mission)
	'/[lang=lang]/talents/missions/new': { GET: 'talents.mission.manage', POST: 'talents.mission.manage' },
	'/[lang=lang]/talents/missions/mine': { GET: 'talents.mission.manage', POST: 'talents.mission.manage' },
	'/[lang=lang]/talents/missions/[slug]/manage': { GET: 'talents.mission.manage', POST: 'talents.mission.manage' },
	'/[lang=lang]/talents/missions/[slug]/edit': { GET: 'talents.mission.manage', POST: 'talents.mission.manage' },
	'/[lang=lang]/talents/missions/[slug]/talents/[id]': { GET: 'talents.mission.manage', POST: 'talents.mission.manage' },
	'/[lang=lang]/talents/missions/moderation': { GET: 'talents.moderate' },
	'/[lang=lang]/talents/missions/moderation/[id]': { GET: 'talents.moderate', POST: 'talents.moderate' },
	// mentoring: the offers are public (talents with a public card only); asking, offering and answering need an
	// account (the services check the profile, the offer and whose request it is)
	'/[lang=lang]/talents/mentoring': { GET: 'public' },
	'/[lang=lang]/talents/mentoring/export': { GET: 'public' },
	'/[lang=lang]/talents/mentoring/[id]': { GET: 'public', POST: 'talents.profile.manage_own' },
	'/[lang=lang]/talents/mentoring/offer': { GET: 'talents.profile.manage_own', POST: 'talents.profile.manage_own' },
	'/[lang=lang]/talents/mentoring/mine': { GET: 'talents.profile.manage_own', POST: 'talents.profile.manage_own' },
	// an accepted request's conversation: its talent and its member only (the service checks whose request it is)
	'/[lang=lang]/talents/mentoring/requests/[id]': { GET: 'talents.profile.manage_own', POST: 'talents.profile.manage_own' },
	// young generations: the page is public; support schemes are kept by moderators and, for their own
	// organisation, by institutions (the platform's directory checks the organisation)
	'/[lang=lang]/talents/young': { GET: 'public' },
	'/[lang=lang]/talents/young/schemes/new': { GET: 'talents.mission.manage', POST: 'talents.mission.manage' },
	'/[lang=lang]/talents/young/schemes/[id]': { GET: 'talents.mission.manage', POST: 'talents.mission.manage' },
	// directories: houses of Moroccans of the world and MRE desks, diaspora associations — public pages and CSV;
	// moderators keep every entry, the members of an organisation its own (the platform's directory checks it;
	// an association's entry must be run by an organisation of the type diaspora association)
	'/[lang=lang]/talents/houses': { GET: 'public' },
	'/[lang=lang]/talents/houses/export': { GET: 'public' },
	'/[lang=lang]/talents/houses/[id]': { GET: 'public' },
	'/[lang=lang]/talents/houses/new': { GET: 'talents.mission.manage', POST: 'talents.mission.manage' },
	'/[lang=lang]/talents/houses/[id]/edit': { GET: 'talents.mission.manage', POST: 'talents.mission.manage' },
	'/[lang=lang]/talents/associations': { GET: 'public' },
	'/[lang=lang]/talents/associations/export': { GET: 'public' },
	'/[lang=lang]/talents/associations/[id]': { GET: 'public' },
	'/[lang=lang]/talents/associations/new': { GET: 'talents.mission.manage', POST: 'talents.mission.manage' },
	'/[lang=lang]/talents/associations/[id]/edit': { GET: 'talents.mission.manage', POST: 'talents.mission.manage' },
	// the people concerned keep the directories up to date under moderation: any account proposes a new entry or a
	// correction of one (a visitor is sent to sign in first), follows its proposals and withdraws one still waiting;
	// the ministry's moderators read, publish, send back or refuse them (the platform's moderation)
	'/[lang=lang]/talents/houses/propose': { GET: 'talents.directory.propose', POST: 'talents.directory.propose' },
	'/[lang=lang]/talents/houses/[id]/propose': { GET: 'talents.directory.propose', POST: 'talents.directory.propose' },
	'/[lang=lang]/talents/associations/propose': { GET: 'talents.directory.propose', POST: 'talents.directory.propose' },
	'/[lang=lang]/talents/associations/[id]/propose': { GET: 'talents.directory.propose', POST: 'talents.directory.propose' },
	'/[lang=lang]/talents/directories/proposals': { GET: 'talents.directory.propose' },
	'/[lang=lang]/talents/directories/proposals/[id]': { GET: 'talents.directory.propose', POST: 'talents.directory.propose' },
	'/[lang=lang]/talents/directories/moderation': { GET: 'talents.moderate' },
	'/[lang=lang]/talents/directories/moderation/[id]': { GET: 'talents.moderate', POST: 'talents.moderate' },

	// API
	'/api/v1/talents/networks': { GET: 'public' },
	'/api/v1/talents/networks/[slug]/news': { GET: 'public' },
	'/api/v1/talents/networks/[slug]/news/[id]': { GET: 'public' },
	// a published news item's picture, from the file store
	'/api/v1/talents/networks/[slug]/news/[id]/image': { GET: 'public' },
	// a network's discussion with a member's token (the service checks membership)
	'/api/v1/talents/networks/[slug]/discussion/threads': { GET: 'talents.profile.manage_own', POST: 'talents.profile.manage_own' },
	'/api/v1/talents/networks/[slug]/discussion/threads/[id]': { GET: 'talents.profile.manage_own' },
	'/api/v1/talents/networks/[slug]/discussion/threads/[id]/replies': { POST: 'talents.profile.manage_own' },
	'/api/v1/talents/cards': { GET: 'public' },
	'/api/v1/talents/diaspora': { GET: 'public' },
	// institutions' systems post missions with a token (the proposal goes to the moderators)
	'/api/v1/talents/missions': { GET: 'public', POST: 'talents.mission.manage' },
	'/api/v1/talents/missions/[slug]': { GET: 'public' },
	'/api/v1/talents/missions/statistics': { GET: 'public' },
	// the module's public counts in one answer (talents, networks, missions, mentoring), under 5 suppressed
	'/api/v1/talents/statistics': { GET: 'public' },
	// the mission's organisation proposes a change (the service checks the organisation; moderated as a new mission)
	'/api/v1/talents/missions/[slug]/changes': { POST: 'talents.mission.manage' },
	// a talent's interest, with their token
	'/api/v1/talents/missions/[slug]/interest': { PUT: 'talents.profile.manage_own', DELETE: 'talents.profile.manage_own' },
	// mentoring: the listed offers; one's own offer and requests with one's token
	'/api/v1/talents/mentoring/offers': { GET: 'public' },
	'/api/v1/talents/mentoring/offer': { GET: 'talents.profile.manage_own', PUT: 'talents.profile.manage_own' },
	'/api/v1/talents/mentoring/requests': { GET: 'talents.profile.manage_own', POST: 'talents.profile.manage_own' },
	'/api/v1/talents/mentoring/requests/[id]': { POST: 'talents.profile.manage_own' },
	'/api/v1/talents/mentoring/requests/[id]/messages': { GET: 'talents.profile.manage_own', POST: 'talents.profile.manage_own' },
	'/api/v1/talents/support-schemes': { GET: 'public' },
	'/api/v1/talents/houses': { GET: 'public' },
	'/api/v1/talents/associations': { GET: 'public' },
	// proposals to the directories with one's token: one's own, and a new one (a new entry or a correction)
	'/api/v1/talents/directories/proposals': { GET: 'talents.directory.propose', POST: 'talents.directory.propose' },
	// a moderator's decision on one: approve, reject or ask for changes
	'/api/v1/talents/directories/proposals/[id]/decision': { POST: 'talents.moderate' }
};
