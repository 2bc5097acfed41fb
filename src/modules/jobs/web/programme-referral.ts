// The referral page of a followed person (an agency's job seeker, a mobility counsellor's candidate): find a
// programme of the directory, write the message, record the person's agreement. One loader and one action for
// both caseloads; each route names its caseload and where the person's file is.
import { error } from '@sveltejs/kit';
import { getApp } from '../../../platform/app.ts';
import { filterQuery, filterValues, readFilters } from '../../../platform/admin/admin-forms.ts';
import { forPage } from '../../../platform/http/page.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { followedPerson } from '../../../platform/casework/casework.service.ts';
import { sendReferralForm } from '../../../platform/casework/casework.web.ts';
import type { Caseload } from '../../../platform/casework/caseload.ts';
import { searchDirectory } from '../../../platform/directory/directory.service.ts';
import { ProgrammeListQuery } from '../support-schemas.ts';
import { supportProgrammes } from '../programmes.ts';
import { programmeView, regionOptions } from '../support-pages.ts';
import { programmeServices } from '../support.model.ts';

const FILTERS = ['q', 'region', 'service'] as const;

type Event = { locals: App.Locals; url: URL; params: { id?: string } };

export async function loadProgrammeReferral(caseload: Caseload, { locals, params, url }: Event) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const seeker = await forPage(followedPerson(ctx, caseload, params.id ?? ''));
	const values = filterValues(url, FILTERS);
	const filters = readFilters(locals.language, ProgrammeListQuery, url);
	const query = filters.ok ? { ...filters.data, pageSize: 30 } : ProgrammeListQuery.parse({ pageSize: 30 });
	const result = await searchDirectory(ctx.db, supportProgrammes, query, locals.language);
	return {
		seeker,
		values,
		errors: filters.ok ? {} : filters.errors,
		total: result.total,
		query: filterQuery({ q: query.q, region: query.region, service: query.service }),
		programmes: result.items.map((row) => programmeView(row, locals.language)),
		regions: regionOptions(locals.language),
		services: [...programmeServices]
	};
}

/** Sends the referral; `filePath` is the person's file under the language (e.g. `/jobs/counsellor/seekers/{id}`). */
export async function sendProgrammeReferral(caseload: Caseload, filePath: string, { request, locals, params }: { request: Request; locals: App.Locals; params: { id?: string } }) {
	return sendReferralForm(requestContext(await getApp(), locals), caseload, params.id ?? '', await request.formData(), `/${locals.language}${filePath}`);
}
