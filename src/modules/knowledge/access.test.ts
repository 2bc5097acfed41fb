import { knowledgeModule } from './manifest.ts';
import { describeRouteAccess, everyone, signedIn, staff, type Who } from '../../platform/testing/route-access-cases.ts';

/** may propose documents (partners; editors publish directly) */
const proposers: Who[] = ['partner', 'moderator', 'administrator'];

describeRouteAccess('the Knowledge module', knowledgeModule.routes, {
	'GET /[lang=lang]/knowledge': everyone,
	'GET /[lang=lang]/knowledge/export': everyone,
	'GET /[lang=lang]/knowledge/documents/[slug]': everyone,
	'GET /[lang=lang]/knowledge/documents/[slug]/file': everyone,
	'GET /[lang=lang]/knowledge/propose': proposers,
	'GET /[lang=lang]/knowledge/documents/[slug]/propose': proposers,
	'POST /[lang=lang]/knowledge/documents/[slug]/propose': proposers,
	'POST /[lang=lang]/knowledge/propose': proposers,
	'GET /[lang=lang]/knowledge/moderation': staff,
	'GET /[lang=lang]/knowledge/moderation/[id]': staff,
	'POST /[lang=lang]/knowledge/moderation/[id]': staff,
	'GET /[lang=lang]/knowledge/moderation/[id]/file': staff,
	'GET /[lang=lang]/knowledge/events': everyone,
	'GET /[lang=lang]/knowledge/events/[slug]': everyone,
	'GET /[lang=lang]/knowledge/events/[slug]/ics': everyone,
	'POST /[lang=lang]/knowledge/events/[slug]': everyone,
	'GET /[lang=lang]/knowledge/events/registration/[token]': everyone,
	'POST /[lang=lang]/knowledge/events/registration/[token]': everyone,
	'GET /[lang=lang]/knowledge/events/export': everyone,
	'GET /[lang=lang]/knowledge/events/calendar': everyone,
	'GET /[lang=lang]/knowledge/events/mine': signedIn,
	'GET /[lang=lang]/knowledge/events/new': staff,
	'POST /[lang=lang]/knowledge/events/new': staff,
	'GET /[lang=lang]/knowledge/events/[slug]/edit': staff,
	'POST /[lang=lang]/knowledge/events/[slug]/edit': staff,
	'POST /[lang=lang]/knowledge/events/mine': signedIn,
	'GET /[lang=lang]/knowledge/events/[slug]/registrations': staff,
	'POST /[lang=lang]/knowledge/events/[slug]/registrations': staff,
	'GET /[lang=lang]/knowledge/events/[slug]/registrations/export': staff,
	'GET /api/v1/knowledge/documents': everyone,
	'GET /api/v1/knowledge/documents/[id]': everyone,
	'GET /api/v1/knowledge/documents/[id]/citation': everyone,
	'GET /api/v1/knowledge/events': everyone,
	'GET /api/v1/knowledge/events/[slug]': everyone,
	'POST /api/v1/knowledge/events/[slug]/registrations': everyone
});
