import { returnModule } from './manifest.ts';
import { describeRouteAccess, everyone, signedIn, staff, type Who } from '../../platform/testing/route-access-cases.ts';

/** partners ask for their organisation to join the network (moderators too) */
const proposers: Who[] = ['partner', 'moderator', 'administrator'];

describeRouteAccess('the Return module', returnModule.routes, {
	'GET /[lang=lang]/return': everyone,
	'GET /[lang=lang]/return/guide': everyone,
	'GET /[lang=lang]/return/guide/[topic]': everyone,
	'GET /[lang=lang]/return/guide/[topic]/history': everyone,
	'GET /[lang=lang]/return/guide/[topic]/edit': staff,
	'POST /[lang=lang]/return/guide/[topic]/edit': staff,
	'GET /[lang=lang]/return/to-complete': staff,
	'GET /[lang=lang]/return/pensions': everyone,
	'GET /[lang=lang]/return/pensions/edit': staff,
	'POST /[lang=lang]/return/pensions/edit': staff,
	'GET /[lang=lang]/return/checklist': everyone,
	'POST /[lang=lang]/return/checklist': signedIn,
	'GET /[lang=lang]/return/services': everyone,
	'GET /[lang=lang]/return/services/new': proposers,
	'POST /[lang=lang]/return/services/new': proposers,
	'GET /[lang=lang]/return/services/[id]/edit': proposers,
	'POST /[lang=lang]/return/services/[id]/edit': proposers,
	'GET /[lang=lang]/return/network/join': proposers,
	'POST /[lang=lang]/return/network/join': proposers,
	'GET /[lang=lang]/return/network/requests': staff,
	'POST /[lang=lang]/return/network/requests': staff,
	'GET /api/v1/return/services': everyone,
	'GET /api/v1/return/services/export': everyone,
	'GET /api/v1/return/guide': everyone,
	'GET /api/v1/return/guide/[slug]': everyone,
	'GET /api/v1/return/pension-agreements': everyone
});
