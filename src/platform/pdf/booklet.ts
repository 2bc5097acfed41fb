// A booklet as a PDF made on the server: a title page with its contents, then one chapter per section
// (a guide's topics, a report's parts), in French, Arabic or English. Typeset by Typst (through its
// Node compiler), which shapes Arabic and orders right-to-left and mixed text correctly — what the
// JavaScript PDF writers do not. The text is handed over as data (`sys.inputs`), never written into
// the markup: nothing a contributor types can change the layout or run anything.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Language } from '../i18n/languages.ts';

export interface BookletSection {
	title: string;
	/** the section's own language, when it is a stand-in in another than the booklet's */
	language: Language;
	/** a first paragraph in bold */
	lead?: string;
	paragraphs: string[];
	/** numbered steps */
	steps: string[];
	/** a warning shown in a frame ("to be completed by the network") */
	note?: string;
	/** tables after the paragraphs (a report's figures) */
	tables?: BookletTable[];
	sourcesTitle: string;
	/** none: no sources heading */
	sources: string[];
	/** the small print under the section: reviewed on, by whom, which version */
	meta: string;
}

/** A table of figures, its caption above it; with `bars`, each row's bar (0 to 1) is drawn in a last column: a chart in the table. */
export interface BookletTable {
	caption: string;
	headers: string[];
	rows: string[][];
	/** the columns of figures (from 0), set to the end of their cells */
	numeric?: number[];
	/** one per row: the bar's length over the longest possible (null: none) */
	bars?: (number | null)[];
}

export interface Booklet {
	language: Language;
	title: string;
	/** lines under the title: what it is, for whom, when it was made and where to find it up to date */
	intro: string[];
	contentsTitle: string;
	sections: BookletSection[];
	/** on every page's foot, beside the page number */
	footer: string;
	/** sections follow one another (a report) instead of each starting a page (a guide's chapters) */
	continuous?: boolean;
}

// The markup of every booklet: it reads the booklet from `sys.inputs.booklet` (JSON).
const TEMPLATE = `
#let booklet = json(bytes(sys.inputs.booklet))
#let rtl-of(language) = if language == "ar" { rtl } else { ltr }
#set document(title: booklet.title)
#set page(paper: "a4", margin: (x: 2cm, top: 2cm, bottom: 2.2cm), footer: context [
  #set text(size: 8pt, fill: rgb("#4a5560"))
  #booklet.footer #h(1fr) #counter(page).display()
])
#set text(font: ("Libertinus Serif", "Noto Naskh Arabic"), size: 11pt, lang: booklet.language, dir: rtl-of(booklet.language))
#set par(justify: false, leading: 0.75em)
#show heading.where(level: 1): set text(size: 20pt, fill: rgb("#0b5d4b"))
#show heading.where(level: 2): set text(size: 15pt, fill: rgb("#0b5d4b"))
#show heading: set block(below: 0.9em)

#heading(level: 1, outlined: false, booklet.title)
#for line in booklet.intro [#par(line)]
#v(1em)
#heading(level: 2, outlined: false, booklet.contentsTitle)
#outline(title: none, depth: 1)

#let figures(t) = {
  let numeric = t.at("numeric", default: ())
  let bars = t.at("bars", default: none)
  block(breakable: true, above: 1.2em, {
    block(below: 0.5em, sticky: true, strong(t.caption))
    set text(size: 9pt)
    table(
      columns: if bars != none { (auto,) * t.headers.len() + (3cm,) } else { t.headers.len() },
      stroke: 0.5pt + rgb("#c4ccd3"),
      inset: 4pt,
      align: (x, y) => if numeric.contains(x) { end + horizon } else { start + horizon },
      table.header(..t.headers.map(header => strong(header)), ..if bars != none { ([],) } else { () }),
      ..t.rows.enumerate().map(((i, row)) => {
        let cells = row.map(cell => [#set text(dir: rtl-of(cell.language)); #cell.text])
        if bars != none {
          let bar = bars.at(i)
          cells.push(if bar == none { [] } else { box(width: 3cm * calc.min(1, calc.max(0, bar)), height: 0.7em, fill: rgb("#0b5d4b")) })
        }
        cells
      }).flatten()
    )
  })
}

#for section in booklet.sections [
  #if not booklet.at("continuous", default: false) [#pagebreak()]
  #set text(lang: section.language, dir: rtl-of(section.language))
  #heading(level: 1, section.title)
  #if "lead" in section [#par(strong(section.lead))]
  #for paragraph in section.paragraphs [#par(paragraph)]
  #if section.steps.len() > 0 [#enum(..section.steps)]
  #if "note" in section [#block(stroke: 1pt + rgb("#b35c00"), inset: 8pt, radius: 2pt, section.note)]
  #for t in section.at("tables", default: ()) [#figures(t)]
  #if section.sources.len() > 0 [
    #heading(level: 2, outlined: false, section.sourcesTitle)
    #list(..section.sources.map(source => [#set text(dir: rtl-of(source.language)); #source.text]))
  ]
  #if section.meta != "" [
    #v(0.5em)
    #text(size: 9pt, fill: rgb("#4a5560"), section.meta)
  ]
]
`;

type Compiler = { pdf(args: { mainFileContent: string; inputs: Record<string, string> }): Buffer };
let compiler: Compiler | null = null;

/** One compiler for the process (about 80 ms to start), with the Arabic font; Latin text uses Typst's own. */
async function typst(): Promise<Compiler> {
	if (compiler) return compiler;
	const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
	const require = createRequire(import.meta.url);
	const fonts = ['400Regular/NotoNaskhArabic_400Regular.ttf', '700Bold/NotoNaskhArabic_700Bold.ttf'].map((file) =>
		fs.readFileSync(require.resolve(`@expo-google-fonts/noto-naskh-arabic/${file}`))
	);
	compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: fonts }] }) as unknown as Compiler;
	return compiler;
}

/** A source's title runs in its own direction: a French title in an Arabic booklet reads left to right. */
function sourceLine(text: string) {
	const strong = text.match(/\p{L}/u)?.[0] ?? '';
	return { text, language: /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(strong) ? 'ar' : 'fr' };
}

/** A table's cell runs in its own direction when it holds letters of another script (a French title in an Arabic report); figures follow the booklet's. */
function cellOf(text: string, language: Language) {
	return /\p{L}/u.test(text) ? sourceLine(text) : { text, language };
}

/** The booklet as a PDF file. */
export async function bookletPdf(booklet: Booklet): Promise<Uint8Array> {
	const sections = booklet.sections.map(({ lead, note, sources, tables, ...section }) => ({
		...section,
		sources: sources.map(sourceLine),
		tables: (tables ?? []).map((table) => ({ ...table, rows: table.rows.map((row) => row.map((cell) => cellOf(cell, section.language))) })),
		...(lead ? { lead } : {}),
		...(note ? { note } : {})
	}));
	const pdf = (await typst()).pdf({ mainFileContent: TEMPLATE, inputs: { booklet: JSON.stringify({ ...booklet, sections }) } });
	return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
