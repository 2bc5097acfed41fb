// The crisis cell's forms, as their pages answer them: `{ done }` (the notice to show), a 404 for a
// registration out of the actor's reach, a known conflict in plain words, else the fields' messages.
import { formAction } from '../../../platform/http/form.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';

const conflicts: Record<string, string> = { status_transition: 'return.crisis_error_transition', crisis_closed: 'return.crisis_closed_notice' };

export function crisisFormAction(ctx: RequestContext, data: FormData, work: () => Promise<unknown>, done: string) {
	return formAction(ctx.language, data, work, { done: () => ({ done }), conflicts });
}
