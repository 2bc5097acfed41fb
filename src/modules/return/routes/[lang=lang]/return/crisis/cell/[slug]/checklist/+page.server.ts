import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { formValues } from '#platform/http/form.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { crisisFormAction } from '#modules/return/crisis/crisis-forms.ts';
import { crisisChecklist, markChecklistStep } from '#modules/return/crisis/responders.ts';

/** A crisis's checklist: each responder's steps of the responder's guide, marked done by the cell and its relays. */
export async function load({ locals, params }) {
	const ctx = requestContext(await getApp(), locals);
	const checklist = await forPage(crisisChecklist(ctx, params.slug));
	return {
		crisis: { slug: checklist.crisis.slug, title: pickText(checklist.crisis.title, locals.language), status: checklist.crisis.status },
		canEdit: checklist.canEdit,
		roles: checklist.roles.map(({ role, title, summary, language, steps, doneCount, mayTick }) => ({ role, title, summary, language, steps, doneCount, mayTick }))
	};
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return crisisFormAction(ctx, data, () => markChecklistStep(ctx, params.slug, formValues(data)), formValues(data).done === 'yes' ? 'step_done' : 'step_undone');
	}
};
