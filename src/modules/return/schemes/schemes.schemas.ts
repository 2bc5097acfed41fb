import { z } from 'zod';
import { countryCodes } from '../../../platform/geo/countries.ts';
import { supportKinds } from './schemes.model.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const toArray = (value: unknown) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/** A scheme as its form sends it: texts per language (a name in at least one), kinds of support, contact, source. */
export const SchemeForm = z
	.object({
		country: z.preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase() : value), z.enum(countryCodes as [string, ...string[]])),
		operatorOrganisationId: z.preprocess(blankToUndefined, z.uuid().optional()),
		name_fr: optionalText(200),
		name_ar: optionalText(200),
		name_en: optionalText(200),
		eligibility_fr: optionalText(3000),
		eligibility_ar: optionalText(3000),
		eligibility_en: optionalText(3000),
		support_fr: optionalText(3000),
		support_ar: optionalText(3000),
		support_en: optionalText(3000),
		supportKinds: z.preprocess(toArray, z.array(z.enum(supportKinds))),
		website: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).max(300).optional()),
		email: z.preprocess(blankToUndefined, z.email().max(254).optional()),
		phone: z.preprocess(blankToUndefined, z.string().trim().regex(/^[+0-9 ().-]{6,30}$/).optional()),
		sourceName: optionalText(300),
		sourceUrl: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).max(500).optional())
	})
	.superRefine((value, context) => {
		if (!value.name_fr && !value.name_ar && !value.name_en) context.addIssue({ code: 'invalid_type', expected: 'string', path: ['name_fr'], input: undefined });
		// a text about who may use it or what it gives must say where it comes from
		const says = ['eligibility', 'support'].some((field) => (['fr', 'ar', 'en'] as const).some((lang) => value[`${field}_${lang}` as keyof typeof value]));
		if (says && !value.sourceName) context.addIssue({ code: 'invalid_type', expected: 'string', path: ['sourceName'], input: undefined });
	});
export type SchemeForm = z.infer<typeof SchemeForm>;

export const SchemeQuery = z.object({
	country: z.preprocess((value) => (typeof value === 'string' && value.trim() ? value.trim().toUpperCase() : undefined), z.enum(countryCodes as [string, ...string[]]).optional()).describe('only the schemes of this host country (ISO 3166-1 alpha-2)'),
	lang: z.enum(['fr', 'ar', 'en']).optional().describe('language of the texts (default fr)')
});
