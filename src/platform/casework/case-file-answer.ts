// What a file page makes of its forms' answer (casework.web.ts): several forms share the page, so a
// failure names its form (`_form`) and each form shows its own messages and values; a success is a notice.

export interface CaseFormFailure {
	values: Record<string, string>;
	errors: Record<string, string>;
}

/** The page's `form` prop and the notice its address asked for (`data.done`). */
export function caseFileAnswer(form: unknown, done: string) {
	const answer = form && typeof form === 'object' ? (form as Record<string, unknown>) : null;
	const failed = answer && 'errors' in answer ? (answer as unknown as CaseFormFailure) : null;
	const name = failed?.values?._form ?? '';
	return {
		failed,
		/** which form sent the failed submission */
		name,
		/** the notice to show: the form's, else the address's */
		done: (answer && 'done' in answer ? String(answer.done) : '') || done,
		/** the failure, when one of these forms sent it */
		of: (...names: string[]) => (failed && names.includes(name) ? failed : null)
	};
}

export type CaseFileAnswer = ReturnType<typeof caseFileAnswer>;
