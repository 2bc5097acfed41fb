import { atlasModule } from './manifest.ts';
import { describeRouteAccess, everyone, staff, type Who } from '../../platform/testing/route-access-cases.ts';

/** may propose initiatives and changes (partners; staff) */
const proposers: Who[] = ['partner', 'moderator', 'administrator'];
/** may take part in an initiative's private discussion */
const discussants: Who[] = ['partner', 'counsellor', 'moderator', 'administrator'];

describeRouteAccess('the Atlas module', atlasModule.routes, {
	'GET /[lang=lang]/atlas/initiatives/[slug]': everyone,
	'GET /[lang=lang]/atlas/good-practices': everyone,
	'GET /api/v1/initiatives': everyone,
	'GET /api/v1/initiatives/[id]': everyone,
	'GET /api/v1/atlas/stats': everyone,
	'GET /api/v1/atlas/communes': everyone,
	'GET /[lang=lang]/atlas': everyone,
	'GET /[lang=lang]/atlas/organisations/[slug]': everyone,
	'GET /[lang=lang]/atlas/regions/[code]': everyone,
	'GET /[lang=lang]/atlas/dashboard': everyone,
	'GET /[lang=lang]/atlas/dashboard/[chart].csv': everyone,
	'POST /[lang=lang]/atlas/initiatives/[slug]': discussants,
	'GET /[lang=lang]/atlas/initiatives/[slug]/propose': proposers,
	'POST /[lang=lang]/atlas/initiatives/[slug]/propose': proposers,
	'GET /[lang=lang]/atlas/initiatives/new': proposers,
	'POST /[lang=lang]/atlas/initiatives/new': proposers,
	'GET /[lang=lang]/atlas/moderation': staff,
	'GET /[lang=lang]/atlas/moderation/stale': staff,
	'GET /[lang=lang]/atlas/moderation/organisations': staff,
	'GET /[lang=lang]/atlas/moderation/proposals/[id]': staff,
	'POST /[lang=lang]/atlas/moderation/proposals/[id]': staff,
	'POST /api/v1/initiatives': proposers,
	'POST /api/v1/initiatives/[id]/proposals': proposers,
	'GET /api/v1/initiatives/[id]/versions': everyone,
	'GET /api/v1/moderation/proposals': staff,
	'POST /api/v1/moderation/proposals/[id]/approve': staff,
	'POST /api/v1/moderation/proposals/[id]/reject': staff,
	'POST /api/v1/moderation/proposals/[id]/request-changes': staff,
	'GET /[lang=lang]/atlas/imports': proposers,
	'POST /[lang=lang]/atlas/imports': proposers,
	'GET /[lang=lang]/atlas/imports/[id]': proposers,
	'POST /[lang=lang]/atlas/imports/[id]': proposers,
	'POST /api/v1/imports/iati': proposers,
	'GET /api/v1/imports/[id]': proposers,
	'POST /api/v1/imports/[id]/apply': proposers,
	'POST /api/v1/imports/[id]/conflicts': staff,
	'GET /[lang=lang]/atlas/rates': everyone,
	'POST /[lang=lang]/atlas/rates': staff,
	'GET /api/v1/atlas/exchange-rates': everyone,
	'PUT /api/v1/atlas/exchange-rates/[currency]/[year]': staff,
});
