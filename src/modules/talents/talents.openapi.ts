import { z } from 'zod';
import type { Endpoint } from '../../platform/openapi/registry.ts';
import { InterestAnswer, InterestInput, MissionDetail, MissionInput, MissionList, MissionQuery, ProposalAnswer } from './missions/missions.schemas.ts';
import { CardList, CardQuery, NetworkList } from './talents.schemas.ts';
import { NewsList, NewsQuery } from './news.service.ts';
import { DiasporaOverviewView } from './diaspora.service.ts';
import { SchemeQuery } from './young/support-schemes.ts';
import { MissionStatisticsQuery } from './missions/statistics.ts';
import { missionStatuses, sectors } from './talents.model.ts';
import { AssociationQuery, associationFields, HouseQuery, houseKinds, houseServices } from './directories/directories.ts';

const Localised = z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() }).meta({ id: 'TalentLocalisedText' });
const DirectoryItem = {
	id: z.uuid(),
	organisation: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable(), slug: z.string() }).describe('the organisation running it (/api/v1/organisations)'),
	name: Localised,
	description: Localised,
	cities: z.array(z.string()),
	regions: z.array(z.string()).describe('ISO 3166-2:MA regions'),
	contact: z.object({ phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable(), website: z.string().nullable() }),
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
import { MentoringAct, MentoringAsk, MentoringOfferInput, MentoringOfferList, MentoringOfferQuery, MentoringOfferView, MentoringRequestList, MentoringRequestView } from './mentoring/mentoring.schemas.ts';

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
			'The announcements the network’s coordinators chose to publish on its public page, newest first, 20 a page, in the languages they wrote. ' +
			'Announcements sent to the members only are never shown. Also as an Atom feed at `/{lang}/talents/networks/{slug}/news/feed`.',
		params: z.object({ slug: z.string() }),
		query: NewsQuery,
		responses: { 200: { description: 'One page of news and the total.', schema: NewsList } },
		errors: [400, 404]
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
			'its region (ISO 3166-2:MA), city, services and contact. Filters `kind`, `region`, `service`. Kept by the MDCMRE’s moderators and by each organisation for its own; ' +
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
