// ISCO-08 occupations for the Talents module. The classification is reference data loaded by the Jobs
// module (table jobs.occupation); modules do not import each other, so it is read here by SQL, read-only.
// It belongs in the platform: moving it there is left to the lead (see README, Talents).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { foldForMatch } from '../../platform/ui/pickers/pickers.js';

interface Row extends Record<string, unknown> {
	code: string;
	level: number;
	title_en: string;
	title_fr: string | null;
	title_ar: string | null;
}

const titleIn = (row: Row, language: Language) => (language === 'ar' ? (row.title_ar ?? row.title_fr ?? row.title_en) : language === 'en' ? row.title_en : (row.title_fr ?? row.title_en));
const langOf = (row: Row, language: Language) => (language === 'ar' && !row.title_ar ? 'fr' : undefined);

async function rows(db: DbOrTx, where: ReturnType<typeof sql>): Promise<Row[]> {
	const result = await db.execute<Row>(sql`select code, level, title_en, title_fr, title_ar from jobs.occupation where ${where} order by code`);
	return rowsOf<Row>(result);
}

/** Which of these codes are ISCO-08 unit groups. */
export async function knownUnitGroups(db: DbOrTx, codes: string[]): Promise<Set<string>> {
	if (!codes.length) return new Set();
	const found = await rows(db, sql`level = 4 and code in (${sql.join(codes.map((code) => sql`${code}`), sql`, `)})`);
	return new Set(found.map((row) => row.code));
}

/** Titles of these codes in the page's language (with the language of a stand-in title). */
export async function occupationTitles(db: DbOrTx, codes: string[], language: Language): Promise<Map<string, { title: string; lang?: string }>> {
	if (!codes.length) return new Map();
	const found = await rows(db, sql`code in (${sql.join([...new Set(codes)].map((code) => sql`${code}`), sql`, `)})`);
	return new Map(found.map((row) => [row.code, { title: titleIn(row, language), lang: langOf(row, language) }]));
}

/** The ISCO picker's groups: unit groups under their major groups, with their other names as keywords. */
export async function occupationChoiceGroups(db: DbOrTx, language: Language) {
	const all = await rows(db, sql`level in (1, 4)`);
	return all
		.filter((row) => row.level === 1)
		.map((major) => ({
			label: titleIn(major, language),
			choices: all
				.filter((row) => row.level === 4 && row.code.startsWith(major.code))
				.map((row) => {
					const label = titleIn(row, language);
					const keywords = [row.title_fr, row.title_en, row.title_ar].filter((name) => name && name !== label).join(' ');
					const lang = langOf(row, language);
					return { value: row.code, label, keywords, match: foldForMatch(`${label} ${keywords} ${row.code}`), ...(lang ? { lang } : {}) };
				})
		}));
}

/** Major and sub-major groups, for a search filter (a card matches every unit group under the one chosen). */
export async function occupationFilterGroups(db: DbOrTx, language: Language) {
	return (await rows(db, sql`level <= 2`)).map((row) => ({ value: row.code, label: `${row.level === 2 ? '— ' : ''}${titleIn(row, language)}` }));
}
