import { z } from 'zod';
import { accessibilityStatuses, contactTopics } from './site.model.ts';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable().default(null));

export const SiteInformationInput = z
	.object({
		publisher: z
			.object({ fr: optionalText(200), ar: optionalText(200), en: optionalText(200) })
			.describe('the publisher’s name in each language'),
		address: optionalText(500),
		publicationDirector: optionalText(200),
		contactEmail: z.preprocess(blankToNull, z.email().max(254).nullable().default(null)),
		host: optionalText(300),
		accessibilityStatus: z.enum(accessibilityStatuses),
		accessibilityAuditedOn: z.preprocess(blankToNull, z.iso.date().nullable().default(null))
	})
	.meta({ id: 'SiteInformationInput' });
export type SiteInformationInput = z.input<typeof SiteInformationInput>;

/** The settings form: one field per language for the publisher. */
export const SiteInformationForm = z.preprocess((raw) => {
	const data = (raw ?? {}) as Record<string, unknown>;
	return { ...data, publisher: { fr: data.publisher_fr, ar: data.publisher_ar, en: data.publisher_en } };
}, SiteInformationInput);

export const ContactInput = z
	.object({
		topic: z.enum(contactTopics),
		name: optionalText(200),
		email: z.email().max(254),
		message: z.string().trim().min(10).max(5000),
		/** a field people never see: a robot that fills it is ignored */
		website: z.string().max(500).optional()
	})
	.meta({ id: 'ContactInput' });
export type ContactInput = z.input<typeof ContactInput>;
