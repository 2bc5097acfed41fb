// The crisis map: the cell names the places of a crisis (cities, assembly points) with their coordinates
// and the other ways people write them; the registrations, which name their city in their own words,
// are counted at the place their city matches. Cities no place matches are listed for the cell to add.
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { pointMap, type PointMapData } from '../../../platform/geo/world.ts';
import { CrisisPlaceForm } from './crisis.schemas.ts';
import { crisis, crisisPlace } from './crisis.table.ts';
import { crisisBySlug } from './crisis.service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A city's name as compared: no accents or case, hyphens and apostrophes as spaces ("Wad-Madani" = "wad madani"). */
export function placeKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[-'’`.]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

export type CrisisPlace = typeof crisisPlace.$inferSelect;

/** The places of a crisis by its address, by name; the dashboard asks for them beside its counts (no access check: the caller's page has one). */
export async function placesOfCrisis(ctx: Pick<RequestContext, 'db'>, slug: string): Promise<CrisisPlace[]> {
	const rows = await ctx.db
		.select({ place: crisisPlace })
		.from(crisisPlace)
		.innerJoin(crisis, eq(crisis.id, crisisPlace.crisisId))
		.where(eq(crisis.slug, slug))
		.orderBy(asc(crisisPlace.name));
	return rows.map((row) => row.place);
}

async function managedCrisis(ctx: RequestContext, slug: string) {
	ctx.require('return.crisis.manage');
	const row = await crisisBySlug(ctx.db, slug);
	if (!row) throw new AppError('not_found');
	return row;
}

/** The cell's list of places, for their page. */
export async function crisisPlaces(ctx: RequestContext, slug: string) {
	const row = await managedCrisis(ctx, slug);
	return { crisis: row, places: await placesOfCrisis(ctx, slug) };
}

/** The cell adds a place (a name already on the map, whatever its case, is a conflict). */
export async function addCrisisPlace(ctx: RequestContext, slug: string, raw: unknown) {
	const row = await managedCrisis(ctx, slug);
	const input = parseOrThrow(CrisisPlaceForm, raw);
	return ctx.transaction(async ({ db, audit }) => {
		const [same] = await db
			.select({ id: crisisPlace.id })
			.from(crisisPlace)
			.where(and(eq(crisisPlace.crisisId, row.id), sql`lower(${crisisPlace.name}) = lower(${input.name})`));
		if (same) throw new AppError('conflict', { fields: [{ path: 'name', messageKey: 'field_invalid' }], extra: { reason: 'place_exists' } });
		const [created] = await db
			.insert(crisisPlace)
			.values({ crisisId: row.id, name: input.name, spellings: input.spellings, latitude: input.latitude, longitude: input.longitude, createdBy: ctx.actor!.userId, createdAt: ctx.now() })
			.returning();
		await recordAudit(db, audit, {
			action: 'return_crisis.place_add',
			resourceType: 'return_crisis_place',
			resourceId: created.id,
			after: { crisis: row.slug, name: created.name, spellings: created.spellings, latitude: created.latitude, longitude: created.longitude }
		});
		return created;
	});
}

/** The cell removes a place (put at the wrong spot, or twice). */
export async function removeCrisisPlace(ctx: RequestContext, slug: string, placeId: string) {
	const row = await managedCrisis(ctx, slug);
	if (!UUID.test(placeId)) throw new AppError('not_found');
	await ctx.transaction(async ({ db, audit }) => {
		const [removed] = await db
			.delete(crisisPlace)
			.where(and(eq(crisisPlace.id, placeId), eq(crisisPlace.crisisId, row.id)))
			.returning();
		if (!removed) throw new AppError('not_found');
		await recordAudit(db, audit, {
			action: 'return_crisis.place_remove',
			resourceType: 'return_crisis_place',
			resourceId: removed.id,
			before: { crisis: row.slug, name: removed.name, latitude: removed.latitude, longitude: removed.longitude }
		});
	});
}

/**
 * The registrations counted at their place: the map (null when no registration is at a known place) and
 * the cities no place matches, most registrations first.
 */
export function crisisMap(places: readonly CrisisPlace[], cities: readonly { key: string; count: number }[]): { map: PointMapData | null; unplaced: { key: string; count: number }[] } {
	const byKey = new Map<string, CrisisPlace>();
	for (const place of places) for (const name of [place.name, ...place.spellings]) byKey.set(placeKey(name), place);
	const counts = new Map<string, number>();
	const unplaced: { key: string; count: number }[] = [];
	for (const city of cities) {
		const place = byKey.get(placeKey(city.key));
		if (place) counts.set(place.id, (counts.get(place.id) ?? 0) + city.count);
		else unplaced.push(city);
	}
	const points = places
		.filter((place) => counts.has(place.id))
		.map((place) => ({ label: place.name, latitude: place.latitude, longitude: place.longitude, count: counts.get(place.id)! }));
	return { map: pointMap(points), unplaced: unplaced.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)) };
}
