/**
 * Shapes shared by the map components and the committed geometry files
 * (src/platform/geo/geometry/*.json, written by scripts/geo/build-geometry.ts).
 * Coordinates are in the SVG user space of `viewBox` (y grows downwards).
 */

export type MapFeature = {
	/** ISO 3166-2 code: `MA-01` … `MA-12` for régions, `MA-TNG` … for provinces. */
	iso: string;
	/** SVG path data (absolute move-to, then relative integer steps). */
	d: string;
	/** Where a label or marker can go: the area centroid of the largest ring. */
	centroid: [number, number];
	/** [minX, minY, maxX, maxY]. */
	bbox: [number, number, number, number];
	/** The parent région's ISO code (provinces only). */
	region?: string;
};

/** The equirectangular projection the files were drawn with: x = margin + (lon − west) · xPerDegree, y = margin + (north − lat) · yPerDegree. */
export type MapProjection = { west: number; north: number; xPerDegree: number; yPerDegree: number; margin: number };

export type MapGeometry = {
	viewBox: string;
	width: number;
	height: number;
	projection: MapProjection;
	attribution: string[];
	features: MapFeature[];
};
