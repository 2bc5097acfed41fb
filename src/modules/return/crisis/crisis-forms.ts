// The crisis cell's forms, as their pages answer them: `{ done }` (the notice to show), a 404 for a
// registration out of the actor's reach, a known conflict in plain words, else the fields' messages.
import { error, fail } from '@sveltejs/kit';
import { formFailureFrom, formValues } from '../../../platform/http/form.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { translate } from '../../../platform/i18n/translator.ts';

const conflicts: Record<string, string> = { status_transition: 'return.crisis_error_transition', crisis_closed: 'return.crisis_closed_notice' };

export async function crisisFormAction(ctx: RequestContext, data: FormData, work: () => Promise<unknown>, done: string) {
	try {
		await work();
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		const reason = isAppError(failure) ? String(failure.extra?.reason ?? '') : '';
		if (conflicts[reason]) return fail(409, { values: formValues(data), errors: { '': translate(ctx.language, conflicts[reason]) } });
		return formFailureFrom(ctx.language, failure, data);
	}
	return { done };
}
