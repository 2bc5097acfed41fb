/**
 * Choropleth classes for a handful of values (12 régions, 75 provinces).
 * Quantile classes over the observed values, ties kept together; when some values are 0 and others
 * are not, 0 gets a class of its own (the lightest), so "no initiative" never shares a colour with "a few".
 */

/** ColorBrewer YlGnBu, 5 classes (sequential, colour-blind safe, prints in greyscale). */
export const PALETTE_5 = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
/** Regions without a value: light grey (and a hatch pattern in the map). */
export const NO_DATA_FILL = '#e4e4e4';

export type ChoroplethClass = {
	/** Index into PALETTE_5. */
	colour: number;
	fill: string;
	/** Smallest and largest observed value in the class. */
	min: number;
	max: number;
};

export type Classification = {
	classes: ChoroplethClass[];
	/** The class of a value, or undefined for a missing value. */
	classOf: (value: number | null | undefined) => ChoroplethClass | undefined;
};

function quantileGroups(sorted: number[], groups: number): number[][] {
	if (sorted.length === 0) return [];
	const out: number[][] = [];
	let current: number[] = [];
	let currentIndex = 0;
	for (let j = 0; j < sorted.length; j++) {
		const index = Math.min(groups - 1, Math.floor((j * groups) / sorted.length));
		// Equal values stay together: a tie continues the current group.
		if (index !== currentIndex && current.length > 0 && sorted[j] !== current[current.length - 1]) {
			out.push(current);
			current = [];
			currentIndex = index;
		} else if (index !== currentIndex && current.length === 0) currentIndex = index;
		current.push(sorted[j]);
	}
	if (current.length) out.push(current);
	return out;
}

export function classify(values: Iterable<number | null | undefined>, count = PALETTE_5.length): Classification {
	const k = Math.max(1, Math.min(count, PALETTE_5.length));
	const present = [...values].filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
	const groups: number[][] = [];
	const hasZero = present.length > 0 && present[0] === 0;
	const positive = present.filter((v) => v !== 0);
	if (hasZero && positive.length > 0 && present[0] >= 0) {
		groups.push(present.filter((v) => v === 0));
		groups.push(...quantileGroups(positive, k - 1));
	} else groups.push(...quantileGroups(present, k));
	const m = groups.length;
	const classes: ChoroplethClass[] = groups.map((g, i) => {
		// Spread fewer classes over the whole palette so neighbouring classes stay far apart.
		const last = PALETTE_5.length - 1;
		const colour = m === 1 ? (g[g.length - 1] === 0 ? 0 : Math.ceil(last / 2)) : Math.round((i * last) / (m - 1));
		return { colour, fill: PALETTE_5[colour], min: g[0], max: g[g.length - 1] };
	});
	return {
		classes,
		classOf(value) {
			if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
			for (const c of classes) if (value <= c.max) return c;
			return classes[classes.length - 1];
		}
	};
}
