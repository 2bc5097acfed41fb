import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { PlacementProfileInput } from '#modules/jobs/placement/campaigns.schemas.ts';
import { myPlacementProfile, setMyPlacementProfile } from '#modules/jobs/placement/profile.service.ts';

/** The sex the caller declared for the placement statistics (null: not stated). */
export const GET = apiEndpoint(async ({ locals }) => Response.json(await myPlacementProfile(requestContext(await getApp(), locals)), { headers: { 'cache-control': 'no-store' } }));

/** Declares it, changes it or withdraws it (`sex`: null); audited without the answer. */
export const PUT = apiEndpoint(async ({ locals, request }) => Response.json(await setMyPlacementProfile(requestContext(await getApp(), locals), await readJson(request, PlacementProfileInput))));
