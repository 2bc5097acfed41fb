import { z } from 'zod';
import { languages as contentLanguages } from '../i18n/languages.ts';
import type { ContentRevision } from './content-pages.service.ts';
import type { ContentSource, LocalisedList, LocalisedText } from './content.table.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const longText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
/** Check every field at once, even when others failed, so the form lists every problem. */
const always = { when: () => true };

/** One source per line: "Name | https://address" or just "Name". */
function parseSources(text: string | undefined): ContentSource[] {
	return lines(text).map((line) => {
		const [name, url] = line.split('|').map((part) => part.trim());
		return url ? { name, url } : { name };
	});
}
function lines(text: string | undefined): string[] {
	return (text ?? '')
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
}

/** Fields that are required in at least one language: their error sits on the French one. */
export const oneLanguageFields = ['title', 'body'] as const;

/** The editors' form of a content page: each text in three languages, sources, review date, comment. */
export const ContentPageForm = z
	.object({
		baseVersion: z.coerce.number().int().min(0),
		...Object.fromEntries(
			contentLanguages.flatMap((language) => [
				[`title_${language}`, longText(200)],
				[`summary_${language}`, longText(600)],
				[`body_${language}`, longText(4000)],
				[`steps_${language}`, longText(3000)]
			])
		),
		sources: z.preprocess(blankToUndefined, z.string().trim().min(2).max(2000)),
		reviewedOn: z.iso.date(),
		comment: z.string().trim().min(3).max(300)
	} as Record<string, z.ZodType>)
	.superRefine((value, context) => {
		for (const field of oneLanguageFields) {
			if (!contentLanguages.some((language) => value[`${field}_${language}`])) {
				context.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: [`${field}_fr`], input: '' });
			}
		}
		for (const source of parseSources(typeof value.sources === 'string' ? value.sources : undefined)) {
			if (source.url && !/^https?:\/\/[^\s|]+$/.test(source.url)) {
				context.addIssue({ code: 'invalid_format', format: 'url', path: ['sources'], input: source.url });
			}
		}
	}, always)
	.transform((value): ContentRevision => {
		const text = (name: string) => value[name] as string | undefined;
		const localised = (field: string) =>
			Object.fromEntries(contentLanguages.filter((language) => text(`${field}_${language}`)).map((language) => [language, text(`${field}_${language}`)])) as LocalisedText;
		return {
			baseVersion: value.baseVersion as number,
			title: localised('title'),
			summary: localised('summary'),
			body: localised('body'),
			steps: Object.fromEntries(
				contentLanguages.filter((language) => text(`steps_${language}`)).map((language) => [language, lines(text(`steps_${language}`))])
			) as LocalisedList,
			sources: parseSources(text('sources')),
			reviewedOn: value.reviewedOn as string,
			comment: value.comment as string
		};
	});
