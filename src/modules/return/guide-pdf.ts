// The whole return guide (or one profile's part) as a PDF file in the reader's language: what a family
// prints or sends to a relative by phone. Made from the current version of every page, on the server.
import type { DbOrTx } from '../../platform/db/database.ts';
import { contentPageDetail, listContentPages } from '../../platform/content/content-pages.service.ts';
import { formatInPlatformZone } from '../../platform/time-zone.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { bookletPdf } from '../../platform/pdf/booklet.ts';
import { guidePages, isToBeCompleted } from './guide.ts';
import { topicProfiles, type GuideTopic, type ReturnProfile } from './return.model.ts';

const locales: Record<Language, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' };

/**
 * The PDFs made from the guide's current versions, by language, profile and those versions: typesetting
 * takes a few hundred milliseconds of the server's time, the guide changes a few times a year. A new
 * version of any page makes a new key; the oldest entries go first.
 */
const made = new Map<string, { pdf: Uint8Array; fileName: string }>();
const KEPT = 24;

/** The guide's PDF and the name it is saved under. */
export async function guidePdf(db: DbOrTx, language: Language, profile: ReturnProfile | null, at: { now: Date; publicUrl: string }) {
	const rows = await listContentPages(db, guidePages);
	const key = [language, profile ?? '', at.publicUrl, ...rows.map(({ version }) => version.id)].join('|');
	const known = made.get(key);
	if (known) return known;
	const result = await typesetGuide(rows, language, profile, at);
	made.set(key, result);
	if (made.size > KEPT) made.delete(made.keys().next().value!);
	return result;
}

async function typesetGuide(rows: Awaited<ReturnType<typeof listContentPages>>, language: Language, profile: ReturnProfile | null, at: { now: Date; publicUrl: string }) {
	const t = (key: string, values?: Record<string, string | number>) => translate(language, `return.${key}`, values);
	const date = (value: Date | string) => formatInPlatformZone(locales[language], value, { dateStyle: 'long' });
	const sections = rows
		.filter(({ page }) => !profile || (topicProfiles[page.topic as GuideTopic] ?? []).includes(profile))
		.map(({ page, version }) => {
			const detail = contentPageDetail(guidePages, page, version, version.version, language);
			return {
				title: detail.title,
				language: detail.language,
				lead: detail.summary,
				paragraphs: detail.body.split(/\n\s*\n/).map((text) => text.trim()).filter(Boolean),
				steps: detail.steps,
				note: isToBeCompleted(version) ? t('page_to_be_completed') : undefined,
				sourcesTitle: translate(language, 'content.sources_title'),
				sources: detail.sources.map((source) => (source.url ? `${source.name} (${source.url})` : source.name)),
				meta: [
					translate(language, 'content.reviewed', { date: date(detail.reviewedOn) }),
					`${t('contributed_by')} ${version.authorLabel}`,
					t('version', { version: detail.version })
				].join(' · ')
			};
		});
	const title = profile ? t('whole_guide_for', { profile: t(`profile_${profile}`) }) : t('whole_guide_title');
	const address = `${at.publicUrl}/${language}/return/guide${profile ? `?profile=${profile}` : ''}`;
	const pdf = await bookletPdf({
		language,
		title,
		intro: [t('guide_pdf_made', { date: date(at.now) }), t('guide_pdf_online', { address })],
		contentsTitle: t('whole_guide_contents'),
		footer: `${translate(language, 'common.site_name')} — ${title}`,
		sections
	});
	return { pdf, fileName: `${t('guide_pdf_file')}${profile ? `-${profile}` : ''}.pdf` };
}
