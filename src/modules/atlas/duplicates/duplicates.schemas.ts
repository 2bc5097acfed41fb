import { z } from 'zod';
import { SIMILAR_TITLE, VERY_SIMILAR_TITLE } from './duplicates.ts';

export const DuplicateReason = z
	.enum(['similar_title', 'overlapping_dates', 'same_funder', 'same_dates', 'same_implementer'])
	.meta({ id: 'DuplicateReason', description: 'Why a published initiative may be the same one' });

export const LikelyDuplicates = z
	.array(
		z.object({
			id: z.uuid(),
			slug: z.string(),
			title: z.string().describe('Its title (French, else English, else Arabic)'),
			reasons: z.array(DuplicateReason)
		})
	)
	.meta({
		id: 'LikelyDuplicates',
		description:
			`Published initiatives that may be the same one, closest first (at most 10): a title similar in any language ` +
			`(trigram similarity ≥ ${SIMILAR_TITLE}, accents and Arabic spelling variants ignored) with overlapping dates or ` +
			`a common funder, or a very similar title (≥ ${VERY_SIMILAR_TITLE}) on its own. A warning for the moderators, ` +
			`never a refusal.`
	});
