// Progressive enhancement of a survey's form: a question asked only after some answer to an earlier one
// is hidden (and not sent) while that answer is not chosen. Without this script every question shows with
// its "answer only if…" hint, and the server ignores the answers to questions not asked.
for (const form of document.querySelectorAll('form.survey-form')) {
	/** @type {HTMLFieldSetElement[]} */
	const conditional = [...form.querySelectorAll('fieldset[data-condition-question]')].map((element) => /** @type {HTMLFieldSetElement} */ (element));
	const update = () => {
		for (const fieldset of conditional) {
			const wanted = (fieldset.dataset.conditionValues ?? '').split(' ');
			const source = fieldset.dataset.conditionQuestion;
			/** @type {NodeListOf<HTMLInputElement>} */
			const checked = form.querySelectorAll(`[name="q_${source}"]:checked`);
			const chosen = [...checked].map((input) => input.value);
			// a source question itself hidden counts as not answered
			const sourceFieldset = /** @type {HTMLFieldSetElement | null} */ (form.querySelector(`fieldset[data-question="${source}"]`));
			const asked = sourceFieldset?.hidden !== true && chosen.some((value) => wanted.includes(value));
			fieldset.hidden = !asked;
			// a disabled fieldset sends none of its controls
			fieldset.disabled = !asked;
		}
	};
	form.addEventListener('change', update);
	update();
}
