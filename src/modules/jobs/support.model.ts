// Controlled lists of the "Welcome" support content. Its data lives in the platform: the rights and
// procedures pages are content pages (collection jobs.rights), the programmes a directory (jobs.programmes).
/** Topics of the rights pages, in the order the list shows them. */
export const rightsTopics = ['residence', 'work', 'social_security', 'rights_at_work', 'complaints', 'health_education', 'employment_support'] as const;
export type RightsTopic = (typeof rightsTopics)[number];

/** Services a support programme may offer (a controlled list). */
export const programmeServices = [
	'training',
	'language_courses',
	'entrepreneurship',
	'legal_aid',
	'psychosocial',
	'health_referral',
	'housing',
	'administrative_help'
] as const;
export type ProgrammeService = (typeof programmeServices)[number];
