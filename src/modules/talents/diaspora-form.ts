// The moderators' form of a reference figure on the diaspora, as the service takes it.
export function figureForm(data: FormData) {
	const field = (name: string) => String(data.get(name) ?? '');
	return { country: field('country'), people: field('people'), year: field('year'), source: field('source'), sourceUrl: field('sourceUrl'), note: field('note') };
}
