import { exampleModule } from './manifest.ts';
import { describeRouteAccess, everyone, type Who } from '../../platform/testing/route-access-cases.ts';

const members: Who[] = ['member'];

describeRouteAccess('the example module', exampleModule.routes, {
	'GET /[lang=lang]/example': everyone,
	'POST /[lang=lang]/example': members,
	'GET /api/v1/example/notes': members,
	'POST /api/v1/example/notes': members
});
