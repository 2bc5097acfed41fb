import type { DbOrTx } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import type { Backlink, LinkChoice, LinkTarget, LinkedEvent, LinkedRecord } from './manifest.ts';
import { fromModules, installedModules, mergeOwned } from './modules.ts';

/**
 * Links between modules' records (a support programme → the Atlas initiative it belongs to): a link
 * is stored as `<kind>:<key>` (e.g. `atlas.initiative:sharaka`), the kind declared by the module that
 * owns the records (manifest `linkTargets`). A module never imports another; when the owning module
 * is not installed its links are simply not shown, and forms do not offer them.
 */
const linkTargets = fromModules((manifests) =>
	mergeOwned<LinkTarget>('Link target', manifests.map((manifest) => [manifest.slug, manifest.linkTargets]))
);

export function linkTarget(kind: string): LinkTarget | null {
	return linkTargets()[kind] ?? null;
}

export function linkValue(kind: string, key: string): string {
	return `${kind}:${key}`;
}

/** `atlas.initiative:sharaka` → { kind, key }; null for anything else. */
export function parseLink(value: string): { kind: string; key: string } | null {
	const match = /^([a-z][a-z0-9-]*\.[a-z][a-z0-9_-]*):(.+)$/.exec(value);
	return match ? { kind: match[1]!, key: match[2]! } : null;
}

/** A picker's choices for one kind, their values being whole links; none when the kind is not installed. */
export async function linkChoices(db: DbOrTx, kind: string, language: Language): Promise<LinkChoice[]> {
	const target = linkTarget(kind);
	if (!target) return [];
	return (await target.choices(db, language)).map((choice) => ({ ...choice, value: linkValue(kind, choice.value) }));
}

/** The link a pasted address or reference names (a job offer's page), when its kind can find one; else null. */
export async function findLink(db: DbOrTx, kind: string, text: string): Promise<string | null> {
	const target = linkTarget(kind);
	const trimmed = text.trim();
	if (!target?.find || trimmed === '' || trimmed.length > 500) return null;
	const key = await target.find(db, trimmed);
	return key ? linkValue(kind, key) : null;
}

/** Whether this kind is installed (a form shows its field only then). */
export const linkKindInstalled = (kind: string) => linkTarget(kind) !== null;

export interface ResolvedLink extends LinkedRecord {
	kind: string;
	key: string;
	value: string;
}

/** The records these links name, in their order; links whose kind or record is gone are left out. */
export async function resolveLinks(db: DbOrTx, values: readonly string[], language: Language): Promise<ResolvedLink[]> {
	const byKind = new Map<string, string[]>();
	for (const value of values) {
		const link = parseLink(value);
		if (link && linkTarget(link.kind)) byKind.set(link.kind, [...(byKind.get(link.kind) ?? []), link.key]);
	}
	const found = new Map<string, LinkedRecord>();
	for (const [kind, keys] of byKind) {
		for (const [key, record] of await linkTarget(kind)!.resolve(db, keys, language)) found.set(linkValue(kind, key), record);
	}
	return values.flatMap((value) => {
		const record = found.get(value);
		const link = parseLink(value);
		return record && link ? [{ ...record, ...link, value }] : [];
	});
}

/**
 * The records these links are parts of (an Atlas initiative's programme, and the programme's own, every level up,
 * nearest first), as links, for the links whose kind declares `wholes`; a link part of nothing is left out.
 */
export async function linkWholes(db: DbOrTx, values: readonly string[]): Promise<Map<string, string[]>> {
	const byKind = new Map<string, string[]>();
	for (const value of new Set(values)) {
		const link = parseLink(value);
		if (link && linkTarget(link.kind)?.wholes) byKind.set(link.kind, [...(byKind.get(link.kind) ?? []), link.key]);
	}
	const found = new Map<string, string[]>();
	for (const [kind, keys] of byKind) {
		for (const [key, wholes] of await linkTarget(kind)!.wholes!(db, keys)) if (wholes.length) found.set(linkValue(kind, key), wholes.map((whole) => linkValue(kind, whole)));
	}
	return found;
}

/** The links among these that name nothing (an unknown kind, a record not there): a form refuses them. */
export async function unknownLinks(db: DbOrTx, values: readonly string[], language: Language): Promise<string[]> {
	const known = new Set((await resolveLinks(db, values, language)).map((link) => link.value));
	return values.filter((value) => !known.has(value));
}

/** Every module's lists of records linking to this one (a programme's initiative page lists its programmes), non-empty only. */
export async function backlinksTo(db: DbOrTx, value: string): Promise<Backlink[]> {
	const found: Backlink[] = [];
	for (const manifest of installedModules()) if (manifest.linksTo) found.push(...(await manifest.linksTo(db, value)));
	return found.filter((backlink) => backlink.count > 0);
}

/**
 * Every module's public events linking to this record (a network's page lists the events linked to it), without
 * the record's module knowing which module keeps events: those not ended, soonest first, and past ones, latest first.
 */
export async function eventsLinkedTo(
	db: DbOrTx,
	value: string,
	language: Language,
	options: { now: Date; upcoming?: number; past?: number }
): Promise<{ upcoming: LinkedEvent[]; past: LinkedEvent[] }> {
	const limits = { now: options.now, upcoming: options.upcoming ?? 10, past: options.past ?? 5 };
	const upcoming: LinkedEvent[] = [];
	const past: LinkedEvent[] = [];
	for (const manifest of installedModules()) {
		if (!manifest.eventsLinkingTo) continue;
		const found = await manifest.eventsLinkingTo(db, value, language, limits);
		upcoming.push(...found.upcoming);
		past.push(...found.past);
	}
	return {
		upcoming: upcoming.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(0, limits.upcoming),
		past: past.sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime()).slice(0, limits.past)
	};
}
