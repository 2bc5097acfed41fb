// The pages the browser tests scan with axe-core (WCAG 2.1 A and AA) and check for raw message
// keys. A module that adds a page appends it to one of these lists.

export interface PublicPage {
	name: string;
	/** what follows `/{lang}` ('' is the home page); with `prefixed: false`, the whole path */
	path: string;
	/** false for a page outside /{lang}: its language comes from the browser's Accept-Language */
	prefixed?: boolean;
	/** the expected HTTP status (200 when absent) */
	status?: number;
}

/** Public pages, scanned in every language of `scannedLanguages`. */
export const publicPages: PublicPage[] = [
	{ name: 'home', path: '' },
	{ name: 'atlas: list and map', path: '/atlas' },
	{ name: 'atlas: dashboard', path: '/atlas/dashboard' },
	{ name: 'atlas: organisation', path: '/atlas/organisations/union-europeenne' },
	{ name: 'job offers search', path: '/jobs' },
	{ name: 'talents: home', path: '/talents' },
	{ name: 'talents: network page', path: '/talents/networks/reseau-competences-dmk-allemagne' },
	{ name: 'talents: public cards', path: '/talents/cards' },
	{ name: 'return: guide home', path: '/return' },
	{ name: 'return: the whole guide for a retiree', path: '/return/guide?profile=retiree' },
	{ name: 'return: guide page (pensions)', path: '/return/guide/pensions' },
	{ name: 'return: pension portability table', path: '/return/pensions' },
	{ name: 'return: service finder (Oriental)', path: '/return/services?region=MA-02' },
	{ name: 'return: checklist (a retiree in Belgium)', path: '/return/checklist?profile=retiree&hostCountry=BE&retiring=on' },
	{ name: 'return: pooled statistics of followed reintegration', path: '/return/statistics' },
	{ name: 'return: assisted-return schemes', path: '/return/schemes' },
	{ name: 'return: emergency return in a crisis', path: '/return/crisis' },
	{ name: 'strategy: list', path: '/strategy' },
	{ name: 'strategy: the SNIA tree', path: '/strategy/snia' },
	{ name: 'strategy: actions in a region', path: '/strategy/regions/MA-02' },
	{ name: 'knowledge: library', path: '/knowledge' },
	{ name: 'knowledge: document (research study)', path: '/knowledge/documents/tendances-recherche-marocaine-migrations' },
	{ name: 'accessibility statement', path: '/accessibility' },
	{ name: 'legal notice', path: '/legal' },
	{ name: 'contact form', path: '/contact' },
	{ name: 'page not found', path: '/this-page-does-not-exist', status: 404 },
	{ name: 'sign up', path: '/account/sign-up' },
	{ name: 'sign in', path: '/account/sign-in' },
	{ name: 'forgot password', path: '/account/forgot-password' },
	{ name: 'API documentation', path: '/api/docs', prefixed: false },
	{ name: 'atlas: initiative (SHARAKA)', path: '/atlas/initiatives/sharaka' },
	{ name: 'atlas: initiative (PRIMO)', path: '/atlas/initiatives/primo-oriental' },
	{ name: 'rights pages', path: '/jobs/rights' },
	{ name: 'rights page: work contract', path: '/jobs/rights/work-contract' },
	{ name: 'rights page history', path: '/jobs/rights/work-contract/history' },
	{ name: 'support programmes', path: '/jobs/programmes' },
	{ name: 'atlas: exchange rates', path: '/atlas/rates' },
	{ name: 'saved offers (signed out)', path: '/jobs/saved' },
	{ name: 'offline page', path: '/offline' }
];

/** The languages every public page is scanned in (Arabic is right-to-left). */
export const scannedLanguages = ['fr', 'ar'] as const;

/** Staff pages, scanned signed in as the demo administrator (French). */
export const adminPages: string[] = [
	'/fr/admin',
	'/fr/admin/users',
	'/fr/admin/organisations',
	'/fr/admin/audit',
	'/fr/admin/site',
	'/fr/atlas/moderation',
	'/fr/atlas/moderation/stale',
	'/fr/atlas/moderation/organisations',
	'/fr/atlas/initiatives/new',
	'/fr/atlas/imports',
	'/fr/atlas/rates',
	'/fr/jobs/counsellor/agencies',
	'/fr/return/to-complete',
	'/fr/return/pensions/edit',
	'/fr/return/guide/pensions/edit',
	'/fr/return/network/requests'
];
