/** Small layout helpers shared by the SVG charts (no DOM: the charts render on the server). */

/**
 * Splits a label into lines of at most `maxChars` characters, at spaces when it can (a longer word is cut).
 * SVG has no text wrapping; an average glyph is about 0.55 em wide in the body font, Latin or Arabic.
 */
export function wrapLabel(text: string, maxChars: number, maxLines = 3): string[] {
	const limit = Math.max(4, Math.floor(maxChars));
	const lines: string[] = [];
	let line = '';
	for (const word of text.trim().split(/\s+/)) {
		let rest = word;
		while (rest.length > limit) {
			if (line) {
				lines.push(line);
				line = '';
			}
			lines.push(rest.slice(0, limit));
			rest = rest.slice(limit);
		}
		if (!rest) continue;
		if (!line) line = rest;
		else if (line.length + 1 + rest.length <= limit) line += ' ' + rest;
		else {
			lines.push(line);
			line = rest;
		}
	}
	if (line) lines.push(line);
	if (lines.length > maxLines) {
		const kept = lines.slice(0, maxLines);
		kept[maxLines - 1] = kept[maxLines - 1].slice(0, Math.max(1, limit - 1)).trimEnd() + '…';
		return kept;
	}
	return lines;
}

/** Estimated rendered width of a string in SVG units. */
export function textWidth(text: string, fontSize: number): number {
	return Math.ceil(text.length * fontSize * 0.58);
}

export type ChartItem = {
	label: string;
	value: number;
	/** The value formatted for the page language (Intl), shown on the chart and in the table. */
	display: string;
	/** Optional link for the table row (e.g. the list filtered by that item). */
	href?: string;
	/** More figures for the table only (formatted), under the chart's `extraHeaders`; a text in another language than the page's carries its `lang`. */
	extra?: readonly (string | ChartText)[];
};

/** A text written in a language of its own (a record's unit, say, when the page's language is missing). */
export type ChartText = { text: string; lang: string };

/** What every chart takes besides its own options: the items, their names, and the data table's. */
export type ChartProps = {
	items: readonly ChartItem[];
	/** The chart's accessible name. */
	title: string;
	/** What the chart shows, in a sentence; defaults to the data itself ("label: value; …"). */
	description?: string;
	/** The data table's caption. */
	caption: string;
	labelHeader: string;
	valueHeader: string;
	dir?: 'ltr' | 'rtl';
	/** With it, the table sits in a <details> whose summary is this text. */
	tableSummary?: string;
	downloadHref?: string;
	downloadLabel?: string;
	/** Shown instead of the chart when there are no items. */
	emptyLabel?: string;
};
