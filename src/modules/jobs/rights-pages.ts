// The rights and procedures pages ("Welcome"): a collection of the platform's versioned content pages.
import type { ContentCollection } from '../../platform/content/content-pages.service.ts';
import { rightsTopics, type RightsTopic } from './support.model.ts';

export const rightsPages: ContentCollection<RightsTopic> = {
	key: 'jobs.rights',
	topics: rightsTopics,
	editAction: 'support.rights.edit',
	auditResource: 'rights_page',
	path: (language, slug) => `/${language}/jobs/rights/${slug}`
};
