// Progressive enhancement of a survey's form: a question asked only after some answer to an earlier one
// is hidden (and not sent) while that answer is not chosen. Without this script every question shows with
// its "answer only if…" hint, and the server ignores the answers to questions not asked.
for (const form of document.querySelectorAll('form.survey-form')) {
	const conditional = [...form.querySelectorAll('fieldset[data-condition-question]')];
	const update = () => {
		for (const fieldset of conditional) {
			const wanted = (fieldset.dataset.conditionValues ?? '').split(' ');
			const source = fieldset.dataset.conditionQuestion;
			const chosen = [...form.querySelectorAll(`[name="q_${source}"]:checked`)].map((input) => input.value);
			// a source question itself hidden counts as not answered
			const sourceHidden = form.querySelector(`fieldset[data-question="${source}"]`)?.hidden === true;
			const asked = !sourceHidden && chosen.some((value) => wanted.includes(value));
			fieldset.hidden = !asked;
			for (const control of fieldset.querySelectorAll('input, textarea')) control.disabled = !asked;
		}
	};
	form.addEventListener('change', update);
	update();
}
