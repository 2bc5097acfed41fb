// The forms' one enhancement script (docs/adr/0007): a filter box for long choice lists (ChoicePicker) and
// rows added and removed in place (RowsField). The server renders everything a form needs without it. Loaded
// as a module (run once however many pickers include it); its two text functions are also imported by the
// server, which renders each choice's folded words in `data-match`, and by the tests that keep them in step
// with the SQL search (`search_normalise`) and `searchWords`.

const arabicLetter = /[\u0621-\u064A]/;
const prefixes = ['وبال', 'وكال', 'وال', 'بال', 'كال', 'فال', 'ولل', 'لل', 'ال'];
const suffixes = ['هما', 'كما', 'ها', 'هم', 'هن', 'كم', 'نا', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/**
 * Text folded for matching: lower case, no accents, Arabic diacritics and tatweel gone, hamza/alef forms,
 * ى, ة, ؤ, ئ brought together — what the SQL `search_normalise` does.
 * @param {string} text
 * @returns {string}
 */
export function foldForMatch(text) {
	return text
		.toLowerCase()
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.replace(/ß/g, 'ss')
		.replace(/[\u2010-\u2015]/g, '-')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[\u064B-\u065F\u0670\u0640]/g, '')
		.replace(/[أإآٱ]/g, 'ا')
		.replace(/ى/g, 'ي')
		.replace(/ة/g, 'ه')
		.replace(/ؤ/g, 'و')
		.replace(/ئ/g, 'ي');
}

/**
 * The folded words of a query, Arabic words by their light stem (as `searchWords` does for the lists).
 * @param {string} query
 * @returns {string[]}
 */
export function queryWords(query) {
	return query
		.split(/\s+/)
		.map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
		.filter((word) => word.length > 0)
		.map((word) => {
			let stem = foldForMatch(word);
			if (!arabicLetter.test(stem)) return stem;
			const prefix = prefixes.find((candidate) => stem.startsWith(candidate) && stem.length - candidate.length >= 3);
			if (prefix) stem = stem.slice(prefix.length);
			else if (stem.startsWith('و') && stem.length - 1 > 3) stem = stem.slice(1);
			const suffix = suffixes.find((candidate) => stem.endsWith(candidate) && stem.length - candidate.length >= 3);
			return suffix ? stem.slice(0, -suffix.length) : stem;
		});
}

/**
 * The place (degrees, 4 decimals: about 10 m) at a point of a map drawn with this projection (see MapProjection).
 * @param {{ west: number, north: number, xPerDegree: number, yPerDegree: number, margin: number }} projection
 * @param {number} x
 * @param {number} y
 */
export function placeAt(projection, x, y) {
	const round = (/** @type {number} */ value) => Math.round(value * 1e4) / 1e4;
	return { lat: round(projection.north - (y - projection.margin) / projection.yPerDegree), lon: round(projection.west + (x - projection.margin) / projection.xPerDegree) };
}

/**
 * A map beside a RowsField of points: a click fills the first empty row's latitude and longitude (adding a row
 * when none is empty) and marks the place. The rows stay the accessible way in.
 * @param {SVGSVGElement} map
 */
function pointPicker(map) {
	const field = map.closest('[data-rows]');
	const projection = JSON.parse(map.dataset.projection || 'null');
	if (!field || !projection) return;
	map.closest('[data-point-picker-box]')?.removeAttribute('hidden');
	map.addEventListener('click', (event) => {
		const matrix = map.getScreenCTM();
		if (!matrix) return;
		const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
		const { lat, lon } = placeAt(projection, at.x, at.y);
		const free = () =>
			[...field.querySelectorAll('[data-row]')].find((row) =>
				[...row.querySelectorAll('input')].every((input) => !(/** @type {HTMLInputElement} */ (input).value))
			);
		if (!free()) /** @type {HTMLButtonElement | null} */ (field.querySelector('[data-rows-add]'))?.click();
		const row = free();
		if (!row) return;
		const [latInput, lonInput] = /** @type {HTMLInputElement[]} */ ([...row.querySelectorAll('input')]);
		latInput.value = String(lat);
		lonInput.value = String(lon);
		const marker = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
		marker.setAttribute('cx', String(at.x));
		marker.setAttribute('cy', String(at.y));
		marker.setAttribute('r', '14');
		marker.setAttribute('class', 'point-picker__marker');
		map.append(marker);
		/** @type {HTMLInputElement | undefined} */ ([...row.querySelectorAll('input')][2])?.focus();
	});
}

/**
 * A filter box above a long list of choices: hides the choices (and groups) that do not hold every word.
 * @param {HTMLElement} picker
 */
function filterable(picker) {
	const options = /** @type {HTMLElement | null} */ (picker.querySelector('[data-picker-options]'));
	if (!options || picker.querySelector('input[type=search]')) return;
	const id = `${options.id}-filter`;
	const box = document.createElement('div');
	box.className = 'choices__filter choices__wide';
	const label = document.createElement('label');
	label.htmlFor = id;
	label.textContent = picker.dataset.filterLabel || '';
	const input = document.createElement('input');
	input.type = 'search';
	input.id = id;
	input.autocomplete = 'off';
	input.setAttribute('aria-controls', options.id);
	const status = document.createElement('p');
	status.className = 'field__hint';
	status.setAttribute('aria-live', 'polite');
	box.append(label, input, status);
	options.before(box);
	input.addEventListener('input', () => {
		const words = queryWords(input.value);
		let shown = 0;
		// looked up each time: a list that depends on another is replaced as that one changes
		for (const choice of /** @type {NodeListOf<HTMLElement>} */ (options.querySelectorAll('[data-match]'))) {
			const match = words.every((word) => (choice.dataset.match || '').includes(word));
			choice.hidden = !match;
			if (match) shown++;
		}
		for (const group of options.querySelectorAll('fieldset')) {
			/** @type {HTMLElement} */ (group).hidden = !group.querySelector('[data-match]:not([hidden])');
		}
		status.textContent = !words.length ? '' : shown ? (picker.dataset.shown || '').replace('{count}', String(shown)) : picker.dataset.none || '';
	});
	// Enter in the filter box filters; it does not send the form.
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Enter') event.preventDefault();
	});
}

/**
 * A list whose choices depend on the boxes named `data-depends-on` (the communes of the provinces ticked):
 * asks `data-source` (JSON `{ provinces: [{ iso, name, communes: [{ code, nameFr, nameAr }] }] }`) for the
 * new list whenever one of them changes, draws it from the page's template, and keeps every choice made
 * (in its group) whatever the provinces. The button that does it without JavaScript is hidden.
 * @param {HTMLElement} picker
 */
function dependentList(picker) {
	const form = picker.closest('form');
	const options = /** @type {HTMLElement | null} */ (picker.querySelector('[data-picker-options]'));
	const template = /** @type {HTMLTemplateElement | null} */ (picker.querySelector('template[data-picker-template]'));
	const on = picker.dataset.dependsOn;
	if (!form || !options || !template || !on) return;
	picker.querySelector('[data-picker-update]')?.setAttribute('hidden', '');
	const lang = document.documentElement.lang || 'fr';
	const collator = new Intl.Collator(lang);
	let asked = 0;
	form.addEventListener('change', async (event) => {
		const box = event.target;
		if (!(box instanceof HTMLInputElement) || box.name !== on) return;
		const url = new URL(picker.dataset.source || '', location.href);
		url.searchParams.set('lang', lang);
		for (const input of form.querySelectorAll(`input[name="${on}"]:checked`)) url.searchParams.append('province', /** @type {HTMLInputElement} */ (input).value);
		const mine = ++asked;
		/** @type {{ provinces: { name: Record<string, string>, communes: { code: string, nameFr: string, nameAr: string }[] }[] } | null} */
		const answer = url.searchParams.has('province') ? await fetch(url).then((reply) => (reply.ok ? reply.json() : null), () => null) : { provinces: [] };
		if (mine !== asked || !answer) return;
		const chosen = new Set([...options.querySelectorAll('input:checked')].map((input) => /** @type {HTMLInputElement} */ (input).value));
		const listed = new Set(answer.provinces.flatMap((province) => province.communes.map((commune) => commune.code)));
		// the choices made outside the new list stay, in their groups
		const kept = [...options.querySelectorAll('fieldset')].filter((group) => {
			for (const label of group.querySelectorAll('label')) {
				const value = /** @type {HTMLInputElement} */ (label.querySelector('input')).value;
				if (!chosen.has(value) || listed.has(value)) label.remove();
			}
			return group.querySelector('label');
		});
		const groups = answer.provinces.map((province) => {
			const group = /** @type {HTMLFieldSetElement} */ (/** @type {HTMLElement} */ (template.content.firstElementChild).cloneNode(true));
			const model = /** @type {HTMLLabelElement} */ (group.querySelector('label'));
			model.remove();
			/** @type {HTMLElement} */ (group.querySelector('legend')).textContent = province.name[lang] || province.name.fr;
			const labels = province.communes.map((commune) => {
				const label = /** @type {HTMLLabelElement} */ (model.cloneNode(true));
				const input = /** @type {HTMLInputElement} */ (label.querySelector('input'));
				const text = /** @type {HTMLElement} */ (label.querySelector('span span'));
				input.value = commune.code;
				input.checked = chosen.has(commune.code);
				text.textContent = lang === 'ar' ? commune.nameAr : commune.nameFr;
				// on an English page the French name stands in
				if (lang === 'en') text.lang = 'fr';
				label.dataset.match = foldForMatch(`${commune.nameFr} ${commune.nameAr} ${commune.code}`);
				return label;
			});
			labels.sort((a, b) => collator.compare(a.textContent || '', b.textContent || ''));
			group.append(...labels);
			return group;
		});
		options.replaceChildren(...groups, ...kept);
		// the filter box's words apply to the new list too
		picker.querySelector('input[type=search]')?.dispatchEvent(new Event('input'));
		const status = picker.querySelector('.choices__filter p');
		if (status) status.textContent = (picker.dataset.shown || '').replace('{count}', String(options.querySelectorAll('label').length));
	});
}

/**
 * Keeps the summary of a list ("Chosen: Oujda-Angad, Berkane") in step with its boxes; each name is a copy of
 * the box's, so a proper name stays isolated and a name in another language keeps its lang.
 * @param {HTMLElement} picker
 */
function chosenSummary(picker) {
	const line = /** @type {HTMLElement | null} */ (picker.querySelector('[data-picker-chosen]'));
	if (!line) return;
	const update = () => {
		const names = [...picker.querySelectorAll('input:checked')].map((input) => {
			const name = input.nextElementSibling?.firstElementChild;
			return name ? name.cloneNode(true) : document.createTextNode(input.closest('label')?.textContent?.trim() || '');
		});
		line.hidden = names.length === 0;
		const [before, after = ''] = (picker.dataset.chosen || '{names}').split('{names}');
		const separator = picker.dataset.separator || ', ';
		line.replaceChildren(before, ...names.flatMap((name, index) => (index ? [separator, name] : [name])), after);
	};
	picker.addEventListener('change', update);
}

/**
 * "Add a row" without a round trip, and a "remove" button on each row.
 * @param {HTMLElement} field
 */
function rows(field) {
	const name = field.dataset.rows || '';
	const add = /** @type {HTMLButtonElement | null} */ (field.querySelector('[data-rows-add]'));
	if (!add) return;
	const rowLabel = field.dataset.rowLabel || '{n}';
	const removeLabel = field.dataset.removeLabel || '{row}';
	const all = () => /** @type {HTMLFieldSetElement[]} */ ([...field.querySelectorAll('[data-row]')]);
	// Rows are numbered again after each change, so names, ids and legends follow the order on the page.
	const renumber = () =>
		all().forEach((row, position) => {
			const legend = row.querySelector('legend');
			if (legend) legend.textContent = rowLabel.replace('{n}', String(position + 1));
			for (const element of row.querySelectorAll('[name], [id], [for], [aria-describedby]')) {
				for (const attribute of ['name', 'id', 'for', 'aria-describedby']) {
					const value = element.getAttribute(attribute);
					if (value) element.setAttribute(attribute, value.replaceAll(new RegExp(`${name}\\.\\d+\\.`, 'g'), `${name}.${position}.`));
				}
			}
			const remove = /** @type {HTMLElement | null} */ (row.querySelector('[data-row-remove]'));
			if (!remove) return;
			remove.textContent = removeLabel.replace('{row}', rowLabel.replace('{n}', String(position + 1)));
			// one blank row left: nothing to remove
			remove.hidden = all().length === 1;
		});
	/** @param {HTMLFieldSetElement} row */
	const withRemove = (row) => {
		if (row.querySelector('[data-row-remove]')) return;
		const remove = document.createElement('button');
		remove.type = 'button';
		remove.className = 'button button--secondary rows__remove';
		remove.dataset.rowRemove = '';
		remove.addEventListener('click', () => {
			if (all().length > 1) row.remove();
			else for (const input of row.querySelectorAll('input, select')) clear(/** @type {HTMLInputElement} */ (input));
			renumber();
			add.focus();
		});
		row.append(remove);
	};
	/** @param {HTMLInputElement | HTMLSelectElement} input */
	const clear = (input) => {
		if (input instanceof HTMLInputElement && input.type === 'checkbox') input.closest('label')?.remove();
		else input.value = '';
		input.removeAttribute('aria-invalid');
	};
	all().forEach(withRemove);
	renumber();
	field.querySelector('[data-rows-blank-note]')?.remove();
	add.addEventListener('click', (event) => {
		event.preventDefault();
		const last = all().at(-1);
		if (!last) return;
		const row = /** @type {HTMLFieldSetElement} */ (last.cloneNode(true));
		for (const problem of row.querySelectorAll('.field__error')) problem.remove();
		for (const cell of row.querySelectorAll('.field--error')) cell.classList.remove('field--error');
		for (const input of row.querySelectorAll('input, select')) clear(/** @type {HTMLInputElement} */ (input));
		row.querySelector('[data-row-remove]')?.remove();
		last.after(row);
		withRemove(row);
		renumber();
		/** @type {HTMLElement | null} */ (row.querySelector('input, select'))?.focus();
	});
}

if (typeof document !== 'undefined') {
	const enhance = () => {
		for (const picker of document.querySelectorAll('[data-picker]')) {
			const element = /** @type {HTMLElement} */ (picker);
			if (element.dataset.filterLabel) filterable(element);
			if (element.dataset.source) dependentList(element);
			chosenSummary(element);
		}
		for (const field of document.querySelectorAll('[data-rows]')) rows(/** @type {HTMLElement} */ (field));
		for (const map of document.querySelectorAll('svg[data-point-picker]')) pointPicker(/** @type {SVGSVGElement} */ (map));
	};
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance);
	else enhance();
}
