// The differences between two snapshots of a programme (two versions, or a version and the draft): nodes
// added, removed or changed (titles, descriptions, GCM and SDG tags, status, period, places, lead and partners, parent), budget lines added,
// removed or changed per action, year and funding source, and the totals by year and currency before and
// after. Amounts are summed in cents (no rounding drift); currencies are never converted.
import { createHash } from 'node:crypto';
import type { Amount, ChangedField, FieldChange, LineChange, NodeRef, ProgrammeDiff, ProgrammeSnapshot, SnapshotLine, SnapshotNode } from './programme-versions.schemas.ts';

const cents = (value: number) => Math.round(value * 100);
const fromCents = (value: number) => value / 100;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);
const sorted = (list: readonly string[]) => [...list].sort();

/** Where a node sits: the titles of the nodes above it, the domain first. */
function pathsOf(snapshot: ProgrammeSnapshot) {
	const byId = new Map(snapshot.nodes.map((item) => [item.id, item]));
	return (id: string) => {
		const path: SnapshotNode['title'][] = [];
		let parent = byId.get(id)?.parentId ?? null;
		while (parent) {
			const above = byId.get(parent);
			if (!above) break;
			path.unshift(above.title);
			parent = above.parentId;
		}
		return path;
	};
}

const places = (item: SnapshotNode) => (item.national ? ['national'] : sorted(item.regions));
/** A node's sources as the differences name them: the citation, then its address in parentheses (null: not kept by its version). */
const sourcesOf = (item: SnapshotNode) => (item.sources ? sorted(item.sources.map((source) => (source.url ? `${source.citation} (${source.url})` : source.citation))) : null);

function fieldChanges(before: SnapshotNode, after: SnapshotNode): FieldChange[] {
	const changes: FieldChange[] = [];
	const push = (field: ChangedField, a: FieldChange['before'], b: FieldChange['after']) => changes.push({ field, before: a, after: b });
	for (const language of ['fr', 'ar', 'en'] as const) {
		const a = before.title[language]?.trim() || null;
		const b = after.title[language]?.trim() || null;
		if (a !== b) push(`title_${language}`, a, b);
	}
	for (const language of ['fr', 'ar', 'en'] as const) {
		const a = before.description[language]?.trim() || null;
		const b = after.description[language]?.trim() || null;
		if (a !== b) push(`description_${language}`, a, b);
	}
	if (!sameList(sorted(before.tags), sorted(after.tags))) push('tags', sorted(before.tags), sorted(after.tags));
	if (before.status !== after.status) push('status', before.status, after.status);
	if (before.periodStart !== after.periodStart) push('periodStart', before.periodStart, after.periodStart);
	if (before.periodEnd !== after.periodEnd) push('periodEnd', before.periodEnd, after.periodEnd);
	if (!sameList(places(before), places(after))) push('places', places(before), places(after));
	if ((before.lead?.id ?? null) !== (after.lead?.id ?? null)) push('lead', before.lead?.name ?? null, after.lead?.name ?? null);
	const partnersBefore = sorted(before.partners.map((item) => item.id));
	const partnersAfter = sorted(after.partners.map((item) => item.id));
	if (!sameList(partnersBefore, partnersAfter)) push('partners', before.partners.map((item) => item.name).sort(), after.partners.map((item) => item.name).sort());
	// compared when both versions kept them (one submitted before they were kept knows none)
	const [sourcesBefore, sourcesAfter] = [sourcesOf(before), sourcesOf(after)];
	if (sourcesBefore && sourcesAfter && !sameList(sourcesBefore, sourcesAfter)) push('sources', sourcesBefore, sourcesAfter);
	if (before.parentId !== after.parentId) push('parent', before.parentId, after.parentId);
	return changes;
}

const amount = (before: number | null, after: number | null): Amount => ({ before, after, difference: fromCents(cents(after ?? 0) - cents(before ?? 0)) });
const lineKey = (line: Pick<SnapshotLine, 'actionId' | 'year' | 'fundingSource'>) => `${line.actionId}\u0000${line.year}\u0000${line.fundingSource}`;

function lineChange(before: SnapshotLine | undefined, after: SnapshotLine | undefined): LineChange | null {
	const line = (after ?? before)!;
	if (before && after) {
		const same =
			before.currency === after.currency &&
			cents(before.planned) === cents(after.planned) &&
			cents(before.committed) === cents(after.committed) &&
			cents(before.executed) === cents(after.executed) &&
			(before.note ?? '') === (after.note ?? '');
		if (same) return null;
	}
	return {
		year: line.year,
		fundingSource: line.fundingSource,
		change: before && after ? 'changed' : after ? 'added' : 'removed',
		currencyBefore: before?.currency ?? null,
		currency: line.currency,
		planned: amount(before?.planned ?? null, after?.planned ?? null),
		committed: amount(before?.committed ?? null, after?.committed ?? null),
		executed: amount(before?.executed ?? null, after?.executed ?? null),
		noteBefore: before?.note ?? null,
		note: after?.note ?? null
	};
}

type Sums = Map<string, { planned: number; committed: number; executed: number }>;
function sums(lines: readonly SnapshotLine[], keyOf: (line: SnapshotLine) => string): Sums {
	const totals: Sums = new Map();
	for (const line of lines) {
		const key = keyOf(line);
		const row = totals.get(key) ?? { planned: 0, committed: 0, executed: 0 };
		row.planned += cents(line.planned);
		row.committed += cents(line.committed);
		row.executed += cents(line.executed);
		totals.set(key, row);
	}
	return totals;
}

function compareSums(before: Sums, after: Sums) {
	const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
	return keys.map((key) => {
		const a = before.get(key);
		const b = after.get(key);
		const side = (row: typeof a, field: 'planned' | 'committed' | 'executed') => (row ? fromCents(row[field]) : null);
		return { key, planned: amount(side(a, 'planned'), side(b, 'planned')), committed: amount(side(a, 'committed'), side(b, 'committed')), executed: amount(side(a, 'executed'), side(b, 'executed')) };
	});
}

/** The differences from `before` to `after`. */
export function diffProgrammes(before: ProgrammeSnapshot, after: ProgrammeSnapshot): ProgrammeDiff {
	const pathBefore = pathsOf(before);
	const pathAfter = pathsOf(after);
	const beforeNodes = new Map(before.nodes.map((item) => [item.id, item]));
	const afterNodes = new Map(after.nodes.map((item) => [item.id, item]));
	const refOf = (item: SnapshotNode, path: (id: string) => SnapshotNode['title'][]): NodeRef => ({ id: item.id, kind: item.kind, title: item.title, path: path(item.id), isSample: item.isSample });

	const empty = () => ({ added: [] as NodeRef[], removed: [] as NodeRef[], changed: [] as ProgrammeDiff['actions']['changed'] });
	const actions = empty();
	const structure = empty();
	const bucket = (item: SnapshotNode) => (item.kind === 'action' ? actions : structure);
	for (const item of after.nodes) {
		const was = beforeNodes.get(item.id);
		if (!was) {
			bucket(item).added.push(refOf(item, pathAfter));
			continue;
		}
		const changes = fieldChanges(was, item);
		if (changes.length) bucket(item).changed.push({ ...refOf(item, pathAfter), pathBefore: was.parentId !== item.parentId ? pathBefore(item.id) : null, changes });
	}
	for (const item of before.nodes) if (!afterNodes.has(item.id)) bucket(item).removed.push(refOf(item, pathBefore));

	// budget lines, by action: in the draft's order, then the actions no longer there
	const beforeLines = new Map(before.lines.map((line) => [lineKey(line), line]));
	const afterLines = new Map(after.lines.map((line) => [lineKey(line), line]));
	const byAction = new Map<string, LineChange[]>();
	for (const key of new Set([...beforeLines.keys(), ...afterLines.keys()])) {
		const change = lineChange(beforeLines.get(key), afterLines.get(key));
		if (!change) continue;
		const actionId = (afterLines.get(key) ?? beforeLines.get(key))!.actionId;
		byAction.set(actionId, [...(byAction.get(actionId) ?? []), change]);
	}
	const order = [...after.nodes.map((item) => item.id), ...before.nodes.filter((item) => !afterNodes.has(item.id)).map((item) => item.id)];
	const lines = order
		.filter((id) => byAction.has(id))
		.map((id) => {
			const item = afterNodes.get(id) ?? beforeNodes.get(id)!;
			const changes = byAction.get(id)!.sort((a, b) => a.year - b.year || a.fundingSource.localeCompare(b.fundingSource));
			return { action: refOf(item, afterNodes.has(id) ? pathAfter : pathBefore), lines: changes };
		});
	const count = (change: LineChange['change']) => lines.reduce((sum, entry) => sum + entry.lines.filter((line) => line.change === change).length, 0);

	const byYear = compareSums(
		sums(before.lines, (line) => `${line.year}\u0000${line.currency}`),
		sums(after.lines, (line) => `${line.year}\u0000${line.currency}`)
	).map(({ key, ...row }) => {
		const [year, currency] = key.split('\u0000');
		return { year: Number(year), currency, ...row };
	});
	const byCurrency = compareSums(
		sums(before.lines, (line) => line.currency),
		sums(after.lines, (line) => line.currency)
	).map(({ key, ...row }) => ({ currency: key, ...row }));

	return {
		summary: {
			actionsAdded: actions.added.length,
			actionsRemoved: actions.removed.length,
			actionsChanged: actions.changed.length,
			linesAdded: count('added'),
			linesRemoved: count('removed'),
			linesChanged: count('changed'),
			structureChanged: structure.added.length + structure.removed.length + structure.changed.length
		},
		actions,
		structure,
		lines,
		totals: byYear.sort((a, b) => a.year - b.year || a.currency.localeCompare(b.currency)),
		totalsByCurrency: byCurrency,
		sourcesCompared: keptSources(before) && keptSources(after)
	};
}

/** Whether a snapshot kept its nodes' sources (those submitted before they were kept did not; an empty programme has nothing to miss). */
const keptSources = (snapshot: ProgrammeSnapshot) => snapshot.nodes.every((item) => item.sources !== undefined);

/** Whether the differences hold nothing. */
export const isIdentical = (diff: ProgrammeDiff) => Object.values(diff.summary).every((value) => value === 0);

/**
 * A digest of what a snapshot holds for the differences (not the organisations' names, nor the order of
 * siblings, nor the strategy's own details): two snapshots with the same one show no difference.
 */
export function fingerprintOf(snapshot: ProgrammeSnapshot): string {
	const nodes = [...snapshot.nodes]
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((item) => [
			item.id,
			item.parentId,
			item.kind,
			item.title.fr?.trim() || null,
			item.title.ar?.trim() || null,
			item.title.en?.trim() || null,
			item.status,
			item.periodStart,
			item.periodEnd,
			places(item),
			item.lead?.id ?? null,
			sorted(item.partners.map((partner) => partner.id)),
			item.description.fr?.trim() || null,
			item.description.ar?.trim() || null,
			item.description.en?.trim() || null,
			sorted(item.tags),
			// only when there are some: a programme without sources keeps the digest it had before versions kept them
			...(item.sources?.length ? [sourcesOf(item)] : [])
		]);
	const lines = [...snapshot.lines].sort((a, b) => lineKey(a).localeCompare(lineKey(b))).map((line) => [lineKey(line), line.currency, cents(line.planned), cents(line.committed), cents(line.executed), line.note ?? '']);
	return createHash('sha256').update(JSON.stringify({ nodes, lines })).digest('hex');
}

/** Planned, committed and executed per currency, over every line. */
export function totalsOf(snapshot: ProgrammeSnapshot) {
	return [...sums(snapshot.lines, (line) => line.currency)]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([currency, row]) => ({ currency, planned: fromCents(row.planned), committed: fromCents(row.committed), executed: fromCents(row.executed) }));
}

/** The totals of a snapshot by year and currency (a version's page). */
export function totalsByYear(snapshot: ProgrammeSnapshot) {
	return [...sums(snapshot.lines, (line) => `${line.year}\u0000${line.currency}`)]
		.map(([key, row]) => {
			const [year, currency] = key.split('\u0000');
			return { year: Number(year), currency, planned: fromCents(row.planned), committed: fromCents(row.committed), executed: fromCents(row.executed) };
		})
		.sort((a, b) => a.year - b.year || a.currency.localeCompare(b.currency));
}
