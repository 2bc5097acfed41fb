import { z } from 'zod';
import type { Endpoint } from '../../platform/openapi/registry.ts';
import { InterestAnswer, InterestInput, MissionChangeAnswer, MissionChangeInput, MissionDetail, MissionInput, MissionList, MissionQuery, ProposalAnswer } from './missions/missions.schemas.ts';
import { CardList, CardQuery, NetworkList } from './talents.schemas.ts';
import { NewsImageQuery, NewsItemQuery, NewsItemView, NewsList, NewsQuery } from './news.service.ts';
import { DiscussionReplyCreated, DiscussionThreadList, DiscussionThreadView, PageQuery, ReplyInput, ThreadInput } from '../../platform/discussion/discussion.schemas.ts';
import { DiasporaOverviewView } from './diaspora.service.ts';
import { SchemeQuery } from './young/support-schemes.ts';
import { MissionStatisticsQuery } from './missions/statistics.ts';
import { TalentsStatisticsQuery, TalentsStatisticsView } from './statistics.ts';
import { missionStatuses, sectors } from './talents.model.ts';
import { AssociationQuery, associationFields, HouseQuery, houseKinds, houseServices } from './directories/directories.ts';
import { DirectoryDecision, DirectoryProposalAnswer, DirectoryProposalRequest, MyDirectoryProposalList } from './directories/directory-proposals.ts';

const Localised = z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() }).meta({ id: 'TalentLocalisedText' });
const DirectoryItem = {
	id: z.uuid(),
	organisation: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable(), slug: z.string() }).describe('the organisation running it (/api/v1/organisations)'),
	name: Localised,
	description: Localised,
	cities: z.array(z.string()),
	regions: z.array(z.string()).describe('ISO 3166-2:MA regions'),
	contact: z.object({ phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable(), website: z.string().nullable() }),
	openingHours: Localised.describe('when it is open, per language (houses and desks)'),
	version: z.number().int().describe('the number of its current version: a correction is proposed on it (`baseVersion`)'),
	isSample: z.boolean().describe('a fictional entry of the demo'),
	updatedAt: z.iso.datetime()
};
const HouseList = z
	.object({
		total: z.number().int(),
		items: z.array(z.looseObject({ ...DirectoryItem, kind: z.enum(houseKinds), services: z.array(z.enum(houseServices)) }))
	})
	.meta({ id: 'TalentHouses' });
const AssociationList = z
	.object({
		total: z.number().int(),
		items: z.array(
			z.looseObject({
				...DirectoryItem,
				services: z.array(z.enum(associationFields)).describe('the association’s fields of action'),
				country: z.string().nullable().describe('host country (ISO 3166-1 alpha-2)'),
				regions: z.array(z.string()).describe('the regions of Morocco it acts in (ISO 3166-2:MA)'),
				networks: z.array(z.object({ slug: z.string(), label: z.string(), lang: z.string(), path: z.string(), isSample: z.boolean() })).describe('the Talents networks it belongs to (/api/v1/talents/networks), named in `lang`')
			})
		)
	})
	.meta({ id: 'TalentDiasporaAssociations' });
import { MentoringAct, MentoringAsk, MentoringConversationView, MentoringMessageInput, MentoringOfferInput, MentoringOfferList, MentoringOfferQuery, MentoringOfferView, MentoringRequestList, MentoringRequestView } from './mentoring/mentoring.schemas.ts';

const OwnOffer = z.object({ offer: MentoringOfferView.nullable(), listed: z.boolean().describe('open, and the talent’s consent is the public card') }).meta({ id: 'TalentMentoringOwnOffer' });

export const talentsEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/talents/networks',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Networks of talents',
		description:
			'Every network (chapter) by host territory or by skill, with its joining rule and its number of members (null under 5). Real networks carry the ' +
			'source that names them; `isSample` marks the demo’s fictional networks. Also as CSV or XLSX at `/{lang}/talents/networks/export?format=csv|xlsx`.',
		responses: { 200: { description: 'The networks.', schema: NetworkList } }
	},
	{
		method: 'GET',
		path: '/api/v1/talents/networks/{slug}/news',
		tags: ['Talents'],
		auth: 'none',
		summary: 'A network’s news',
		description:
			'The announcements the network’s coordinators chose to publish on its public page, newest first, 20 a page, in the languages they wrote, each with ' +
			'`url`, its own page (in `lang`), and `image`, its main picture when it has one (address, media type, size in pixels, and its description in each ' +
			'language of the announcement). Announcements sent to the members only are never shown. Also as an Atom feed at `/{lang}/talents/networks/{slug}/news/feed`.',
		params: z.object({ slug: z.string() }),
		query: NewsQuery,
		responses: { 200: { description: 'One page of news and the total.', schema: NewsList } },
		errors: [400, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/networks/{slug}/news/{id}',
		tags: ['Talents'],
		auth: 'none',
		summary: 'One news item of a network',
		description: 'A published news item with its page (`url`, in `lang`) and main picture; 404 for an unknown item, one of another network, or one not (or no longer) published.',
		params: z.object({ slug: z.string(), id: z.string() }),
		query: NewsItemQuery,
		responses: { 200: { description: 'The news item.', schema: NewsItemView } },
		errors: [400, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/networks/{slug}/news/{id}/image',
		tags: ['Talents'],
		auth: 'none',
		summary: 'A news item’s picture',
		description:
			'The main picture of a published news item: what the coordinator sent (checked by its content: a still PNG, JPEG or WebP of at most 5 MB) made ' +
			'again at most 1,600 pixels wide, upright, in WebP, without any metadata (EXIF, XMP, IPTC: no place, device or date); `size=small` gives its ' +
			'version for lists, at most 480 pixels wide. A picture kept before resizing is served as it was sent (and for `size=small` too). With its ' +
			'media type; cached for a day, with an ETag (304 when unchanged; the address the news item gives changes with the picture). 404 when the item has ' +
			'no picture or is not published; the picture is erased with its announcement.',
		params: z.object({ slug: z.string(), id: z.string() }),
		query: NewsImageQuery,
		responses: { 200: { description: 'The picture.', contentTypes: { 'image/png': null, 'image/jpeg': null, 'image/webp': null } }, 304: { description: 'Not modified (If-None-Match).' } },
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/networks/{slug}/discussion/threads',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'A network’s discussion: its threads',
		description:
			'The threads of the network’s discussion space, pinned first then by last activity, 20 a page. For the network’s members, its coordinators and the MDCMRE’s ' +
			'moderators (403 for anyone else: the discussion is not public). A thread whose opening message a moderator hid is listed to moderators only.',
		params: z.object({ slug: z.string() }),
		query: PageQuery,
		responses: { 200: { description: 'One page of threads and their number.', schema: DiscussionThreadList } },
		errors: [403, 404]
	},
	{
		method: 'POST',
		path: '/api/v1/talents/networks/{slug}/discussion/threads',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Start a thread',
		description:
			'A member (or a moderator) starts a thread: its title, opening message and the language both are written in (`fr`, `ar`, `en`); `follow` (default true): ' +
			'an e-mail on each reply. The same thread sent twice is not created twice.',
		params: z.object({ slug: z.string() }),
		body: ThreadInput,
		responses: { 201: { description: 'The thread.', schema: DiscussionThreadView } },
		errors: [403, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/networks/{slug}/discussion/threads/{id}',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'A thread and its replies',
		description:
			'A thread with its opening message and one page of replies (20, oldest first). A post a moderator hid has `body: null` and the reason in `hidden` (moderators ' +
			'still read the text). Reading a followed thread marks its replies read.',
		params: z.object({ slug: z.string(), id: z.uuid() }),
		query: PageQuery,
		responses: { 200: { description: 'The thread and a page of replies.', schema: DiscussionThreadView } },
		errors: [403, 404]
	},
	{
		method: 'POST',
		path: '/api/v1/talents/networks/{slug}/discussion/threads/{id}/replies',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Reply to a thread',
		description:
			'A member replies in the language given; the thread’s followers (still members) are e-mailed in their own language, each with a link to stop following. ' +
			'409 `thread_locked`: a moderator closed the thread.',
		params: z.object({ slug: z.string(), id: z.uuid() }),
		body: ReplyInput,
		responses: { 201: { description: 'The reply.', schema: DiscussionReplyCreated } },
		errors: [403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/cards',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Public cards of talents',
		description:
			'Only talents who gave the public-card consent, and of each only the fields they chose to show. A filter matches a field only where the card ' +
			'shows it. `q` looks in shown names and cities, ignoring accents and Arabic spelling variants.',
		query: CardQuery,
		responses: { 200: { description: 'One page of cards and the total.', schema: CardList } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/diaspora',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Moroccans abroad by host country',
		description:
			'Reference figures on Moroccans living in each host country, each with its year and its source (entered by moderators, never computed), beside ' +
			'the number of talents on the platform living there and the talents by skill. Counts under 5 are null; a country known only through such a count is left out.',
		responses: { 200: { description: 'The figures and counts.', schema: DiasporaOverviewView } }
	},
	{
		method: 'GET',
		path: '/api/v1/talents/missions',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Missions (requests for expertise)',
		description:
			'Published requests for expertise of organisations based in Morocco, newest first: open ones by default (`status=all` for every status). ' +
			'Filters by region (ISO 3166-2:MA), sector, skill and mode. Also as CSV or XLSX at `/{lang}/talents/missions/export?format=csv|xlsx`.',
		query: MissionQuery,
		responses: { 200: { description: 'One page of missions and the total.', schema: MissionList } },
		errors: [400]
	},
	{
		method: 'POST',
		path: '/api/v1/talents/missions',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Propose a mission',
		description:
			'An organisation’s system proposes a mission with the token of one of its members (a partner, or a person with the `talents:institution` grant for that organisation). ' +
			'The organisation must be based in Morocco. The proposal waits for the MDCMRE’s moderators, who publish it or return it with a reason (the proposer is told by e-mail); ' +
			'a moderator’s own mission is published at once. Each language given must have both its title and its context. An optional `comment` goes to the moderators.',
		body: MissionInput.extend({ comment: z.string().max(2000).optional() }),
		responses: { 201: { description: 'The proposal (or the mission published).', schema: ProposalAnswer } },
		errors: [400, 403]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/missions/{slug}',
		tags: ['Talents'],
		auth: 'none',
		summary: 'One mission',
		description: 'A published mission with its full description, its status and, once completed, its short report. Talents and their standing are never shown here.',
		params: z.object({ slug: z.string() }),
		responses: { 200: { description: 'The mission.', schema: MissionDetail } },
		errors: [404]
	},
	{
		method: 'POST',
		path: '/api/v1/talents/missions/{slug}/changes',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Propose a change of a published mission',
		description:
			'The mission’s organisation (the token of one of its members with the right to manage missions) proposes a whole new description, based on the version it read (`baseVersion`). ' +
			'The same validation as a new mission; the organisation stays the mission’s. The change waits for the MDCMRE’s moderators, who publish it as the mission’s next version or return it ' +
			'with a reason (the proposer is told by e-mail). 404 for a mission of another organisation; 409 `stale_version` (with `currentVersion`) when the mission changed since, never applied silently; ' +
			'409 `wrong_status` for a completed or cancelled mission.',
		params: z.object({ slug: z.string() }),
		body: MissionChangeInput,
		responses: { 201: { description: 'The change waiting for the moderators.', schema: MissionChangeAnswer } },
		errors: [400, 403, 404, 409]
	},
	{
		method: 'PUT',
		path: '/api/v1/talents/missions/{slug}/interest',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Express interest in a mission',
		description:
			'The caller (a talent with a profile) expresses interest in an open mission, or changes the note. The mission’s organisation then sees the caller’s professional profile for this mission, ' +
			'without name or e-mail address unless their consent shows them. 409 `profile_missing`, `not_open`.',
		params: z.object({ slug: z.string() }),
		body: InterestInput,
		responses: { 200: { description: 'The interest.', schema: InterestAnswer } },
		errors: [400, 404, 409]
	},
	{
		method: 'DELETE',
		path: '/api/v1/talents/missions/{slug}/interest',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Withdraw one’s interest',
		params: z.object({ slug: z.string() }),
		responses: { 200: { description: 'No interest any more.', schema: InterestAnswer } },
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/mentoring/offers',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Mentoring offers',
		description:
			'Open offers of mentoring by talents whose consent is the public card (the only level that lets members and the public see a talent), newest first; of the talent only ' +
			'what the card shows (else a pseudonym). Filters: `skill` (the field), `language`, `remote=yes|no`. `placesLeft` is the capacity minus the requests accepted.',
		query: MentoringOfferQuery,
		responses: { 200: { description: 'One page of offers and the total.', schema: MentoringOfferList } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/mentoring/offer',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'My mentoring offer',
		responses: { 200: { description: 'The caller’s offer (null when none) and whether it is listed.', schema: OwnOffer } }
	},
	{
		method: 'PUT',
		path: '/api/v1/talents/mentoring/offer',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Offer mentoring',
		description: 'Creates or replaces the caller’s offer (a talent profile is needed: 409 `profile_missing`). `status: closed` takes no new request; those under way go on.',
		body: MentoringOfferInput,
		responses: { 200: { description: 'The offer.', schema: OwnOffer } },
		errors: [400, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/mentoring/requests',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'My mentoring requests',
		description: 'The requests the caller received as a talent and sent as a member. The other side’s e-mail address is given only while a request is accepted.',
		responses: { 200: { description: 'Both sides’ requests.', schema: MentoringRequestList } }
	},
	{
		method: 'POST',
		path: '/api/v1/talents/mentoring/requests',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Ask for mentoring',
		description:
			'The caller asks a talent for mentoring with a short message; the talent is e-mailed the caller’s name and message, never their address. 404 for an offer not listed; ' +
			'409 `own_offer`, `already_asked` (a request is waiting or accepted), `offer_closed`, `capacity_full`.',
		body: MentoringAsk,
		responses: { 201: { description: 'The request.', schema: MentoringRequestView } },
		errors: [400, 404, 409]
	},
	{
		method: 'POST',
		path: '/api/v1/talents/mentoring/requests/{id}',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Answer, withdraw or end a mentoring',
		description:
			'`accept` or `decline` (with an optional `reason`): the talent, while the request waits (409 `not_waiting`, `capacity_full`); `withdraw`: the member, while it waits; `end` (optional `reason`): ' +
			'either side, once accepted (409 `not_accepted`). Someone else’s request: 403. The other side is e-mailed in their language.',
		params: z.object({ id: z.uuid() }),
		body: MentoringAct,
		responses: { 200: { description: 'The request.', schema: MentoringRequestView } },
		errors: [400, 403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/mentoring/requests/{id}/messages',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'A mentoring’s conversation',
		description:
			'The request and its conversation, oldest message first, for its talent or its member (someone else: 403). Once a request is accepted both sides write ' +
			'to each other here instead of exchanging e-mail addresses (none is ever shown); `open` is true while the mentoring is under way. The messages of an ended ' +
			'mentoring are deleted 6 months after it ended (`deletedOn`).',
		params: z.object({ id: z.uuid() }),
		responses: { 200: { description: 'The conversation.', schema: MentoringConversationView } },
		errors: [403, 404]
	},
	{
		method: 'POST',
		path: '/api/v1/talents/mentoring/requests/{id}/messages',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Write in a mentoring’s conversation',
		description:
			'`{ "body" }` (1 to 4,000 characters, any language): the talent or the member writes to the other while the mentoring is under way (409 `not_accepted` ' +
			'otherwise). The other side is e-mailed in their language with the writer’s name, the message and the link to the conversation, never the writer’s address.',
		params: z.object({ id: z.uuid() }),
		body: MentoringMessageInput,
		responses: { 201: { description: 'The conversation with the new message.', schema: MentoringConversationView } },
		errors: [400, 403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/support-schemes',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Support schemes for young entrepreneurs and investors',
		description:
			'The active schemes that help young Moroccans of the world start a business or invest in Morocco (kept by the MDCMRE’s moderators and by institutions for their own ' +
			'organisation), by name; filters `service`, `region` (ISO 3166-2:MA), `initiative` (an Atlas initiative’s slug). Each scheme names the Atlas initiatives it belongs to ' +
			'(`initiatives`, in the language `lang`: fr, ar or en). `isSample` marks the demo’s fictional schemes.',
		query: SchemeQuery.extend({ lang: z.enum(['fr', 'ar', 'en']).optional() }),
		responses: { 200: { description: 'The schemes and their number.', schema: z.object({ total: z.number().int(), items: z.array(z.looseObject({ id: z.uuid() })) }).meta({ id: 'TalentSupportSchemes' }) } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/houses',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Houses of Moroccans of the world and MRE desks',
		description:
			'The active regional houses of Moroccans of the world (`kind` house) and MRE desks (`kind` desk), houses first, each by name in `lang` (fr, ar or en): the organisation running it, ' +
			'its region (ISO 3166-2:MA), city, services, contact, opening hours and version. Filters `kind`, `region`, `service`. Kept by the MDCMRE’s moderators and by each ' +
			'organisation for its own; anyone proposes an entry or a correction (`POST /api/v1/talents/directories/proposals`), published once a moderator approves it; ' +
			'`isSample` marks the demo’s fictional entries. The same list as CSV: `/{lang}/talents/houses/export`.',
		query: HouseQuery.extend({ lang: z.enum(['fr', 'ar', 'en']).optional() }),
		responses: { 200: { description: 'The houses and desks, and their number.', schema: HouseList } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/associations',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Diaspora associations',
		description:
			'The active diaspora associations (organisations of the type `diaspora_association`) by name: host country, city, fields of action, the regions of Morocco they act in, ' +
			'contact, and the Talents networks they belong to (`networks`, named in `lang`). Filters `country` (host country, ISO 3166-1 alpha-2), `field`, `network` (a network’s slug). ' +
			'`isSample` marks the demo’s fictional associations. The same list as CSV: `/{lang}/talents/associations/export`.',
		query: AssociationQuery.extend({ lang: z.enum(['fr', 'ar', 'en']).optional() }),
		responses: { 200: { description: 'The associations and their number.', schema: AssociationList } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/directories/proposals',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'My proposals to the directories',
		description:
			'The houses, MRE desks and diaspora associations, and the corrections of entries, the caller proposed: those waiting (pending, or sent back for changes with ' +
			'the moderators’ `reviewReason`), then the 20 latest others, each with its status and, once approved, the entry’s page (`entry.path`, after the language).',
		responses: { 200: { description: 'The caller’s proposals.', schema: MyDirectoryProposalList } }
	},
	{
		method: 'POST',
		path: '/api/v1/talents/directories/proposals',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Propose an entry of the directories, or a correction',
		description:
			'Any account proposes a new house of Moroccans of the world (`kind` house), MRE desk (`desk`) or diaspora association (`association`: an organisation of ' +
			'the type `diaspora_association` as `organisationId`, or one not in the registry yet by `newOrganisationName` and `newOrganisationCountry`, created when ' +
			'the proposal is approved), or with `entryId` and `baseVersion` (the `version` of the lists) a correction of a listed entry: the whole entry as it should ' +
			'read (texts per language as `name_fr`, `description_ar`, `openingHours_en`…; services, regions, city, address, telephone, e-mail, website, networks). ' +
			'It waits for the MDCMRE’s moderators, who are e-mailed; the proposer is e-mailed their decision in their language. A moderator’s own proposal is ' +
			'published at once. The proposer’s own name and address are never published. 400 with the fields refused (nothing saved); 404 for an entry not listed; ' +
			'409 `stale_version` (with `currentVersion`) when the entry changed since `baseVersion`.',
		body: DirectoryProposalRequest,
		responses: { 201: { description: 'The proposal waiting, or the entry published.', schema: DirectoryProposalAnswer } },
		errors: [403, 404, 409]
	},
	{
		method: 'POST',
		path: '/api/v1/talents/directories/proposals/{id}/decision',
		tags: ['Talents'],
		auth: 'bearer',
		summary: 'Decide on a proposal to the directories',
		description:
			'A moderator approves a proposal waiting (published as the entry’s next version, credited to its proposer, or as a new entry), refuses it or sends it ' +
			'back for changes with a `reason` the proposer receives by e-mail in their language. 409 `not_pending` when it was decided already, `stale_version` when ' +
			'the entry changed since the proposal (send it back instead).',
		params: z.object({ id: z.uuid() }),
		body: DirectoryDecision,
		responses: { 200: { description: 'The proposal, and the entry published when approved.', schema: DirectoryProposalAnswer } },
		errors: [403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/talents/statistics',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Talents statistics',
		description:
			'The module’s public counts in one answer: `talents` (profiles, by host country, skill and kind of contribution), `networks` (by kind, and the people ' +
			'who are members of one), `missions` (the counts of the missions’ statistics page: by status, sector, region and host country of the talents selected) ' +
			'and `mentoring` (offers listed, requests by status). A count from 1 to 4 is `null` (suppressed), and when one cell of a breakdown is suppressed the next ' +
			'smallest is too, as on the statistics pages. Real records only; `samples=include` counts the demo’s samples too.',
		query: TalentsStatisticsQuery,
		responses: { 200: { description: 'The counts.', schema: TalentsStatisticsView } }
	},
	{
		method: 'GET',
		path: '/api/v1/talents/missions/statistics',
		tags: ['Talents'],
		auth: 'none',
		summary: 'Mission statistics',
		description:
			'Public counts of the published missions: `total`, and `byStatus`, `bySector` (every value of the lists, zero included), `byRegion` (ISO 3166-2:MA) and `byHostCountry` ' +
			'(ISO 3166-1 alpha-2: the host countries of the talents selected; a mission counts once in each). A count from 1 to 4 is `null` (suppressed), and when one cell of a ' +
			'breakdown is suppressed the next smallest is too. Real missions only; `samples=include` counts the demo’s samples too.',
		query: MissionStatisticsQuery,
		responses: {
			200: {
				description: 'The counts.',
				schema: z
					.object({
						total: z.number().int().nullable(),
						samplesIncluded: z.boolean(),
						byStatus: z.array(z.object({ value: z.enum(missionStatuses), missions: z.number().int().nullable() })),
						bySector: z.array(z.object({ value: z.enum(sectors), missions: z.number().int().nullable() })),
						byRegion: z.array(z.object({ value: z.string(), missions: z.number().int().nullable() })),
						byHostCountry: z.array(z.object({ value: z.string(), missions: z.number().int().nullable() }))
					})
					.meta({ id: 'TalentMissionStatistics' })
			}
		},
		errors: [400]
	}
];
