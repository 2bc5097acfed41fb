// What an import reads from a file, before its organisations are matched: the shape kept per activity
// (atlas_import_activity.draft), shared by the IATI and the CSV/XLSX readers, and the problems found.
import type { InitiativeInput } from '../atlas.schemas.ts';
import type { OrganisationRole } from '../atlas.model.ts';
import type { ImportProblem, ProblemSeverity } from './import.table.ts';

/** An organisation as the file names it: matched to an Atlas organisation (or created) when applying. */
export interface ImportedOrganisation {
	/** IATI organisation identifier (participating-org/@ref) */
	ref: string | null;
	/** Atlas organisation slug or id (tables name organisations this way) */
	key?: string | null;
	/** its names, preferred first (every language the file gives, for matching) */
	names: string[];
	/** IATI OrganisationType code */
	type: string | null;
	role: OrganisationRole;
	amount?: number | null;
	currency?: string | null;
	/** the contribution as the file also gives it in another currency (the Atlas's own export) */
	secondFigure?: { amount: number; currency: string } | null;
	/** a funder's amounts per year (incoming funds by year; a table's yearly amounts) */
	yearly?: { year: number; amount: number; currency: string }[];
}

/** One activity (or table row) as read: an initiative without its organisations resolved. */
export interface ImportedActivity {
	identifier: string | null;
	/** the initiative, organisations left out (`organisations` below) */
	input: Omit<InitiativeInput, 'organisations'> & { organisations?: never[] };
	organisations: ImportedOrganisation[];
	/** the themes come from the Atlas's own codes (sector vocabulary 99 of an Atlas export, or a table) */
	exactThemes: boolean;
	/** the file gives recipient countries (a known initiative's countries are replaced, not kept) */
	givesCountries: boolean;
	concernsMorocco: boolean;
	/** IATI: the larger activity this one is part of (`related-activity` type 1), by its identifier; linked on apply
	 * when that activity is in the Atlas or in the same file */
	parentRef?: string | null;
	/** tables: the columns the file gives (a known initiative keeps the others) */
	columns?: string[];
}

/** What the preview shows of an activity. */
export interface ActivityPreview {
	start: string | null;
	end: string | null;
	budget: { total: number; currency: string } | null;
	countries: string[];
	regions: string[];
	sectors: { vocabulary: string; code: string }[];
	themes: string[];
	organisations: { name: string; role: OrganisationRole }[];
}

export const severityRank: Record<ProblemSeverity, number> = { critical: 0, error: 1, warning: 2 };

export function worstRank(problems: readonly ImportProblem[]): number {
	return problems.reduce((rank, problem) => Math.min(rank, severityRank[problem.severity]), 3);
}

/** Problems in the order a person reads them: critical, then errors, then warnings. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
	return [...problems].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}

export class Problems {
	readonly list: ImportProblem[] = [];
	add(severity: ProblemSeverity, code: string, values?: Record<string, string | number>) {
		const key = `${severity}/${code}/${JSON.stringify(values ?? {})}`;
		if (!this.list.some((problem) => `${problem.severity}/${problem.code}/${JSON.stringify(problem.values ?? {})}` === key)) {
			this.list.push(values ? { severity, code, values } : { severity, code });
		}
	}
	critical(code: string, values?: Record<string, string | number>) {
		this.add('critical', code, values);
	}
	error(code: string, values?: Record<string, string | number>) {
		this.add('error', code, values);
	}
	warning(code: string, values?: Record<string, string | number>) {
		this.add('warning', code, values);
	}
	get hasCritical() {
		return this.list.some((problem) => problem.severity === 'critical');
	}
}

/** Cuts a text to `max` characters at a word boundary, with an ellipsis. */
export function cut(text: string, max: number): string {
	if (text.length <= max) return text;
	const slice = text.slice(0, max - 1);
	const space = slice.lastIndexOf(' ');
	return `${(space > max * 0.6 ? slice.slice(0, space) : slice).trimEnd()}…`;
}
