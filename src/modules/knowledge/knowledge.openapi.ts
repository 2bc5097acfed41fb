import { z } from 'zod';
import type { Endpoint } from '../../platform/openapi/registry.ts';
import { CitationQuery, DocumentDetail, DocumentListQuery, DocumentListResult } from './knowledge.schemas.ts';
import { SurveyListResult, SurveyResults } from './surveys/survey.schemas.ts';
import { IssueListOut, IssueOut } from './newsletters/newsletter.service.ts';
import { ResearcherListOut, ResearcherListQuery, ResearchMatrixOut, ResearchMatrixQuery } from './research/research.service.ts';
import { MyProposal, MyProposalList, WithdrawalInput } from './my-proposals.ts';
import { EventDetail, EventListQuery, EventListResult, RegistrationInput, RegistrationResult } from './events/event.schemas.ts';

export const knowledgeEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/knowledge/documents',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'Search the library',
		description:
			'Deliverables, studies, guides and publications, newest first. The same filters as `/{lang}/knowledge`. Words are matched in ' +
			'titles (French, Arabic, English), summaries and authors, ignoring accents and Arabic spelling variants. Facet counts ignore ' +
			'their own filter. `isSample` marks fictional samples.',
		query: DocumentListQuery,
		responses: { 200: { description: 'One page of documents, the total and facet counts.', schema: DocumentListResult } }
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/documents/{id}',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'One document of the library',
		description:
			'By id (UUID) or slug, with its recommendations (horizon short, medium, long term) and sources, and the Atlas initiatives (and their components) and strategies’ actions it links to, ' +
			'each titled in the request’s language (`Accept-Language`) with its page. `initiatives` (the initiatives’ slugs) is kept for earlier clients.',
		params: z.object({ id: z.string().describe('the document id (UUID) or slug') }),
		responses: { 200: { description: 'The document.', schema: DocumentDetail } },
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/documents/{id}/citation',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'A document’s citation',
		description: 'BibTeX (`application/x-bibtex`), RIS (`application/x-research-info-systems`) or CSL-JSON (`application/vnd.citationstyles.csl+json`), as a download.',
		params: z.object({ id: z.string().describe('the document id (UUID) or slug') }),
		query: CitationQuery,
		responses: { 200: { description: 'The citation file.', schema: z.string() } },
		errors: [400, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/proposals',
		tags: ['Knowledge'],
		auth: 'bearer',
		summary: 'My proposals to the library',
		description:
			'The documents and changes the caller proposed to the library: those still waiting (pending, or sent back for changes — withdrawable), newest first, ' +
			'and the latest decided or withdrawn ones, with the editors’ reason. Only the caller’s own. Partners and editors (`knowledge.propose`).',
		responses: { 200: { description: 'The caller’s proposals.', schema: MyProposalList } },
		errors: [403]
	},
	{
		method: 'POST',
		path: '/api/v1/knowledge/proposals/{id}/withdrawal',
		tags: ['Knowledge'],
		auth: 'bearer',
		summary: 'Withdraw one of my proposals',
		description:
			'The proposal leaves the editors’ queue and can no longer be published (audited). Only a proposal of the caller’s own that still waits (pending, or sent back for changes); ' +
			'anyone else’s: 404. Decided already: 409 `not_pending`. With `expectedStatus` (the status the caller last saw), a proposal whose status has changed since: 409 `stale_proposal` (`details.status`), nothing withdrawn. ' +
			'Its PDF is erased from storage by the daily clean-up once nothing names it for two days.',
		params: z.object({ id: z.string().describe('the proposal id (UUID)') }),
		body: WithdrawalInput,
		responses: { 200: { description: 'The proposal, withdrawn.', schema: MyProposal } },
		errors: [403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/events',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'Events',
		description: 'Seminars, workshops and SHARAKA’s final event: upcoming soonest first or past latest first, with the places of those that take registrations (counts only). Drafts are listed for the events’ editors only.',
		query: EventListQuery,
		responses: { 200: { description: 'The events.', schema: EventListResult } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/events/{slug}',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'One event',
		description: 'Its dates, place or link, organisers, documents from the event, sources and places. The calendar file is `/{lang}/knowledge/events/{slug}/ics`.',
		params: z.object({ slug: z.string() }),
		responses: { 200: { description: 'The event.', schema: EventDetail } },
		errors: [404]
	},
	{
		method: 'POST',
		path: '/api/v1/knowledge/events/{slug}/registrations',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'Register a person for an event',
		description:
			'As the event’s page does: confirmed within the capacity, else on the waiting list. `consent: true` records the person’s agreement to being kept on the list (name and e-mail erased if they cancel, and a year after the event). ' +
			'The person is e-mailed (in the request’s language) the code, their personal link and, when confirmed, the calendar file. 409 `already_registered` (the e-mail is on the list), `registration_closed` (not open, started, draft or cancelled).',
		params: z.object({ slug: z.string() }),
		body: RegistrationInput,
		responses: { 201: { description: 'The registration.', schema: RegistrationResult } },
		errors: [400, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/surveys',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'The surveys',
		description: 'Published surveys (drafts for the surveys’ editors only), with their state (`scheduled`, `open`, `closed`), dates and whether their results are public once closed.',
		responses: { 200: { description: 'The surveys.', schema: SurveyListResult } }
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/surveys/{slug}/results',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'A survey’s results',
		description:
			'Per question, the number of people who answered it (the base of its percentages) beside each option’s count and percentage; a scale’s mean. Public once the survey is closed and when its editors made the results public: ' +
			'then counts under 5 are `null`, and free-text answers are left out. The surveys’ editors read them at any time, free texts included. A survey known only from a report gives the printed percentages, their sum and the smallest number of people they can come from. 404 when not readable.',
		params: z.object({ slug: z.string() }),
		responses: { 200: { description: 'The results.', schema: SurveyResults } },
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/newsletters',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'The newsletter’s archive',
		description: 'The issues sent, latest first (drafts for the newsletter’s editors), each with the documents, events and Atlas initiatives it points to, titled in the request’s language.',
		responses: { 200: { description: 'The issues.', schema: IssueListOut } }
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/newsletters/{number}',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'One issue of the newsletter',
		params: z.object({ number: z.string() }),
		responses: { 200: { description: 'The issue.', schema: IssueOut } },
		errors: [404]
	},
	{
		method: 'POST',
		path: '/api/v1/knowledge/newsletters/unsubscribe/{token}',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'Unsubscribe in one click',
		description:
			'The address of the `List-Unsubscribe` header of every issue (RFC 8058: mail clients POST `List-Unsubscribe=One-Click`, without an Origin header). The token in the address is the key; the subscription is deleted. The answer is the same when the token names nothing (already unsubscribed). A request without that form body is refused (400): it is not a one-click unsubscribe.',
		params: z.object({ token: z.string() }),
		responses: { 200: { description: 'Unsubscribed (or already).', schema: z.object({ unsubscribed: z.literal(true) }) } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/research/matrix',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'Research on migration by theme and institution',
		description:
			'The library’s research works (studies, reports, syntheses; samples left out) counted by theme × institution for the years asked, and by theme × period (before 2010, 2010–2016 — the period of the seeds’ study —, since 2017, year unknown) over all years. A work counts once in each of its cells; totals count works.',
		query: ResearchMatrixQuery,
		responses: { 200: { description: 'The two tables.', schema: ResearchMatrixOut } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/researchers',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'Researchers on migration',
		description: 'The profiles whose owners chose to appear publicly (their consent, withdrawn at any time), by name.',
		query: ResearcherListQuery,
		responses: { 200: { description: 'The researchers.', schema: ResearcherListOut } },
		errors: [400]
	}
];
