import { describe, expect, it } from 'vitest';
import { bookletPdf, type Booklet } from './booklet.ts';

/** The text of each page, as a PDF reader extracts it. */
async function pagesOf(pdf: Uint8Array): Promise<{ title: string; pages: string[] }> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, disableFontFace: true }).promise;
	const pages: string[] = [];
	for (let number = 1; number <= document.numPages; number++) {
		const content = await (await document.getPage(number)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
	}
	const { info } = (await document.getMetadata()) as { info: { Title?: string } };
	return { title: info.Title ?? '', pages };
}

const section = (title: string, extra: Partial<Booklet['sections'][number]> = {}): Booklet['sections'][number] => ({
	title,
	language: 'fr',
	paragraphs: ['Un paragraphe.'],
	steps: [],
	sourcesTitle: 'Sources',
	sources: ['Guide du retour (SHARAKA)'],
	meta: 'Revu le 1 décembre 2026',
	...extra
});

describe('a booklet made on the server', () => {
	it('has its title, its contents, then one chapter a section; what a contributor typed is text, never markup', async () => {
		const pdf = await bookletPdf({
			language: 'fr',
			title: 'Guide du retour',
			intro: ['Le guide entier, tel qu’il est en ligne le 5 décembre 2026.'],
			contentsTitle: 'Sommaire',
			footer: 'sharaka.ma',
			sections: [
				section('Douane', { lead: 'Ce que vous pouvez ramener.', steps: ['Faire l’inventaire', 'Le faire viser'], note: 'À compléter par le réseau' }),
				section('Retraite #set page(paper: "a0") *gras* $x$', { paragraphs: ['#pagebreak() ]) [ <b> @ref'] })
			]
		});
		expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
		const { title, pages } = await pagesOf(pdf);
		expect(title).toBe('Guide du retour');
		expect(pages).toHaveLength(3);
		expect(pages[0]).toContain('Sommaire');
		expect(pages[1]).toContain('Douane');
		expect(pages[1]).toContain('À compléter par le réseau');
		expect(pages[2]).toContain('#set page(paper: "a0") *gras* $x$');
		expect(pages[2]).toContain('#pagebreak() ]) [ <b> @ref');
	});

	it('sets Arabic right to left with its own font, a French stand-in inside it left to right', async () => {
		const pdf = await bookletPdf({
			language: 'ar',
			title: 'دليل العودة',
			intro: ['الدليل كاملا.'],
			contentsTitle: 'المحتويات',
			footer: 'sharaka.ma',
			sections: [section('الجمارك', { language: 'ar', paragraphs: ['ما يمكنكم إحضاره معكم.'], sources: ['« Guide pratique », SHARAKA', 'دليل العودة'] }), section('Fiscalité')]
		});
		const { pages } = await pagesOf(pdf);
		expect(pages).toHaveLength(3);
		// the Arabic letters are in the file (shaped forms are mapped back to letters by the reader)
		expect(pages[1].normalize('NFKC')).toMatch(/[\u0600-\u06FF]/);
		expect(pages[2]).toContain('Fiscalité');
		// a French source in the Arabic chapter keeps its order
		expect(pages[1]).toContain('« Guide pratique », SHARAKA');
	});

	it('sets a report on running pages: its tables of figures with their bars, no sources heading when there are none', async () => {
		const pdf = await bookletPdf({
			language: 'fr',
			title: 'Rapport annuel de suivi 2025',
			intro: ['Fait le 5 décembre 2026.'],
			contentsTitle: 'Sommaire',
			footer: 'sharaka.ma',
			continuous: true,
			sections: [
				section('Budget', {
					sources: [],
					meta: '',
					tables: [
						{
							caption: 'Exécution par domaine',
							headers: ['Domaine', 'Prévu', 'Taux'],
							numeric: [1, 2],
							rows: [
								['Emploi', '1 000 MAD', '90 %'],
								['#pagebreak() $x$ ]', '200 EUR', '125 %']
							],
							bars: [0.9, 1.25]
						}
					]
				}),
				section('Indicateurs', { sources: [], meta: '' })
			]
		});
		const { pages } = await pagesOf(pdf);
		expect(pages).toHaveLength(1);
		expect(pages[0]).toContain('Exécution par domaine');
		expect(pages[0]).toMatch(/Emploi\s+1 000 MAD\s+90 %/);
		expect(pages[0]).toContain('#pagebreak() $x$ ]');
		expect(pages[0]).toContain('Indicateurs');
		expect(pages[0]).not.toContain('Sources');
	});
});
