import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { referralStatuses } from '../../../platform/casework/casework.model.ts';
import { AgencyReferralInput, AgencyReferralStatusInput, AgencyReferralView } from './agency-referrals.service.ts';
import { Agency, AgencySeeker, MyFollowUp, Referral, ReferralInput, ReferralStatus, ReferralStatusInput, SeekerListQuery } from './counsellors.schemas.ts';

const privacy =
	'Personal data: a counsellor sees only the people who chose one of their agencies and consented to counsellors; ' +
	'a programme’s organisation sees only the name and contact details of the people referred to its programmes. ' +
	'Every such read is written to the audit trail.';

export const counsellorsEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/agencies',
		tags: ['Jobs'],
		auth: 'none',
		summary: 'The open ANAPEC agencies',
		description: 'Name, city, ISO 3166-2:MA region and province; address and contact when known (null otherwise).',
		responses: { 200: { description: 'By name.', schema: z.object({ items: z.array(Agency) }) } }
	},
	{
		method: 'GET',
		path: '/api/v1/counsellor/seekers',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'The job seekers of the caller’s agencies',
		description: `Counsellors only; 50 per page, by name. \`q\` matches words of the name, e-mail or an occupation sought (accents and case do not matter). ${privacy}`,
		query: SeekerListQuery,
		responses: {
			200: {
				description: 'One page of people.',
				schema: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(AgencySeeker) })
			}
		},
		errors: [403]
	},
	{
		method: 'GET',
		path: '/api/v1/referrals',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Referrals to support programmes the caller follows',
		description:
			'Counsellors: the referrals of their agencies (people who still consent); holders of a mobility caseload grant (`jobs:placement_counsellor`, `jobs:placement_division`), with or without the counsellor role: those of the qualified candidates they follow (`source: mobility`; the division: every qualified candidate’s); ' +
			`partners: the referrals to their organisations’ programmes, from the agencies and from the international placement division’s mobility counsellors (\`source\`), as the programmes’ referrals page lists them. Newest first. ${privacy}`,
		query: z.object({ status: z.enum(referralStatuses).optional() }),
		responses: { 200: { description: 'Newest first, each with its status history.', schema: z.object({ items: z.array(Referral) }) } },
		errors: [403]
	},
	{
		method: 'POST',
		path: '/api/v1/referrals',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Refer a person to a support programme',
		description:
			'Counsellors only, for a person of their agencies who consented to counsellors (404 otherwise). `agreed: true` records that the ' +
			'person agreed to be referred and that the programme receives their name and contact details. The person is e-mailed; the ' +
			'programme’s partners are told a referral awaits them. 409 (`details.reason = already_referred`) while a referral of the person ' +
			'to this programme is open (sent or accepted); 400 for a programme that is not in the directory.',
		body: ReferralInput,
		responses: { 201: { description: 'The referral, sent.', schema: z.object({ id: z.string(), status: ReferralStatus, createdAt: z.string() }) } },
		errors: [403, 404, 409]
	},
	{
		method: 'PATCH',
		path: '/api/v1/referrals/{id}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Move a referral on',
		description:
			'sent → accepted or declined; accepted → completed. By the partners of the programme’s organisation, or by a counsellor of the ' +
			'referral’s agency (while the person consents) — for a mobility counsellor’s referral, the candidate’s counsellor or the division; 404 for anyone else. 409 (`details.reason = referral_transition`) for a move ' +
			'the current status does not allow. The person is e-mailed in their language; the change is audited.',
		params: z.object({ id: z.string().describe('the referral id (UUID)') }),
		body: ReferralStatusInput,
		responses: { 200: { description: 'The status now; `changed` is false when it already was.', schema: z.object({ id: z.string(), status: ReferralStatus, changed: z.boolean() }) } },
		errors: [403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/agency-referrals',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Referrals of people to ANAPEC agencies by associations',
		description:
			'Counsellors: the referrals their agencies received (the read of the people’s contacts is audited); partners: the referrals ' +
			'their organisations sent. Newest first, each with its status history (side `association` or `agency`).',
		query: z.object({ status: z.enum(referralStatuses).optional() }),
		responses: { 200: { description: 'Newest first.', schema: z.object({ items: z.array(AgencyReferralView) }) } },
		errors: [403]
	},
	{
		method: 'POST',
		path: '/api/v1/agency-referrals',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Refer a person an association accompanies to an ANAPEC agency',
		description:
			'Partners, on behalf of one of their organisations. The person is named by the e-mail of their Sharaka account (400 on `email` ' +
			'when there is none: they sign up first). `agreed: true` records that the person agreed to be referred and that the agency ' +
			'receives their name and e-mail. The person and the agency’s counsellors are e-mailed in their language. 409 ' +
			'(`details.reason = already_referred`) while a referral of the person to this agency is open; 400 for a closed agency.',
		body: AgencyReferralInput,
		responses: { 201: { description: 'The referral, sent.', schema: z.object({ id: z.string(), status: ReferralStatus, createdAt: z.string() }) } },
		errors: [403, 409]
	},
	{
		method: 'PATCH',
		path: '/api/v1/agency-referrals/{id}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Answer a referral to an agency',
		description:
			'sent → accepted or declined; accepted → completed. Counsellors of the referral’s agency only (404 for anyone else). 409 ' +
			'(`details.reason = referral_transition`) for a move the current status does not allow. The person and the sender are e-mailed.',
		params: z.object({ id: z.string().describe('the referral id (UUID)') }),
		body: AgencyReferralStatusInput,
		responses: { 200: { description: 'The status now; `changed` is false when it already was.', schema: z.object({ id: z.string(), status: ReferralStatus, changed: z.boolean() }) } },
		errors: [403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/me/follow-up',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'The caller’s agency, appointments and referrals',
		description: 'Members only. The counsellors’ private notes are not listed here; they are part of the data export (`GET /api/v1/me/export`, `casework.notes`).',
		responses: { 200: { description: 'Newest first.', schema: MyFollowUp } },
		errors: [403]
	}
];
