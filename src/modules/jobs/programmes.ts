// The directory of support programmes ("Welcome"): a collection of the platform's directories.
import type { DirectoryCollection } from '../../platform/directory/directory.service.ts';
import { programmeServices, type ProgrammeService } from './support.model.ts';

export const supportProgrammes: DirectoryCollection<ProgrammeService> = {
	key: 'jobs.programmes',
	services: programmeServices,
	manageAction: 'support.programme.manage',
	contributeAction: 'support.programme.contribute',
	auditResource: 'support_programme'
};
