import { describe, expect, it } from 'vitest';
import { pointMap } from './world.ts';

describe('a map of places abroad', () => {
	const sudan = [
		{ label: 'Khartoum', latitude: 15.5, longitude: 32.56, count: 900 },
		{ label: 'Port-Soudan', latitude: 19.62, longitude: 37.22, count: 100 },
		{ label: 'Wad Madani', latitude: 14.4, longitude: 33.52, count: 1 }
	];

	it('frames every place inside the picture, with land around them', () => {
		const map = pointMap(sudan)!;
		for (const point of map.points) {
			expect(point.x).toBeGreaterThan(0);
			expect(point.x).toBeLessThan(map.width);
			expect(point.y).toBeGreaterThan(0);
			expect(point.y).toBeLessThan(map.height);
		}
		// north is up, east is right
		const [khartoum, port] = [map.points.find((p) => p.label === 'Khartoum')!, map.points.find((p) => p.label === 'Port-Soudan')!];
		expect(port.y).toBeLessThan(khartoum.y);
		expect(port.x).toBeGreaterThan(khartoum.x);
		expect(map.land.length).toBeGreaterThan(1000);
		// the frame is neither a strip nor a tower
		expect(map.height).toBeGreaterThanOrEqual(map.width / 2);
		expect(map.height).toBeLessThanOrEqual(map.width);
	});

	it('draws the larger counts as larger circles, the smallest still visible, and the largest first', () => {
		const map = pointMap(sudan)!;
		expect(map.points.map((point) => point.label)).toEqual(['Khartoum', 'Port-Soudan', 'Wad Madani']);
		expect(map.points[0].r).toBeGreaterThan(map.points[1].r);
		expect(map.points[2].r).toBeGreaterThanOrEqual(4);
	});

	it('names the largest places where their names fit: never over another name, never out of the picture', () => {
		const map = pointMap([...sudan, { label: 'Omdurman', latitude: 15.64, longitude: 32.48, count: 500 }])!;
		const [khartoum, omdurman] = [map.points.find((p) => p.label === 'Khartoum')!, map.points.find((p) => p.label === 'Omdurman')!];
		// Omdurman is across the river from Khartoum: its name would cover Khartoum's
		expect(khartoum.labelAt).not.toBeNull();
		expect(omdurman.labelAt).toBeNull();
		// near the east edge, Port-Sudan's name runs to the left of its circle
		const port = map.points.find((p) => p.label === 'Port-Soudan')!;
		expect(port.x + port.r).toBeLessThan(map.width);
		if (port.labelAt?.anchor === 'end') expect(port.labelAt.x).toBeLessThan(port.x);
		for (const point of map.points) {
			// every circle whole inside the picture
			expect(point.x - point.r).toBeGreaterThanOrEqual(0);
			expect(point.x + point.r).toBeLessThanOrEqual(map.width);
			expect(point.y - point.r).toBeGreaterThanOrEqual(0);
			expect(point.y + point.r).toBeLessThanOrEqual(map.height);
		}
	});

	it('shows a single place with its surroundings, and the open sea without land', () => {
		const single = pointMap([{ label: 'Tripoli', latitude: 32.9, longitude: 13.18, count: 3 }])!;
		expect(single.points).toHaveLength(1);
		expect(single.land).not.toBe('');
		const ocean = pointMap([{ label: 'Pacifique', latitude: -40, longitude: -140, count: 1 }])!;
		expect(ocean.land).toBe('');
		expect(pointMap([])).toBeNull();
	});
});

describe('countries on a map of the world', () => {
	it('places a country inside its largest land, and none for a territory the map does not draw', async () => {
		const { countryCentre } = await import('./world.ts');
		const france = countryCentre('FR')!;
		// metropolitan France, not between it and its overseas departments
		expect(france.latitude).toBeGreaterThan(42);
		expect(france.latitude).toBeLessThan(51);
		expect(france.longitude).toBeGreaterThan(-5);
		expect(france.longitude).toBeLessThan(8);
		const usa = countryCentre('US')!;
		expect(usa.longitude).toBeLessThan(-80);
		expect(usa.longitude).toBeGreaterThan(-120);
		expect(countryCentre('TR')).not.toBeNull();
		expect(countryCentre('TK')).toBeNull();
	});
});
