import { contractTypes, educationLevels, salaryPeriods, workingTimes, offerLanguages } from '#modules/jobs/job-offer.model.ts';
import { cefrLevels } from '#platform/i18n/spoken-languages.ts';
import { occupationChoiceGroups, type OwnOffer } from '#modules/jobs/jobs.service.ts';
import type { DbOrTx } from '#platform/db/database.ts';
import type { Language } from '#platform/i18n/languages.ts';
import { placeOptions } from '../places.ts';

/** The choices of the offer form. */
export async function offerFormChoices(db: DbOrTx, language: Language) {
	return {
		occupations: await occupationChoiceGroups(db, language),
		...placeOptions(language),
		contractTypes: [...contractTypes],
		workingTimes: [...workingTimes],
		salaryPeriods: [...salaryPeriods],
		educationLevels: [...educationLevels],
		offerLanguages: [...offerLanguages],
		cefrLevels: [...cefrLevels]
	};
}

/** An offer as the form's string values. */
export function offerFormValues(offer: OwnOffer): Record<string, string> {
	const values: Record<string, string> = {
		title: offer.title,
		description: offer.description,
		occupationCode: offer.occupationCode,
		skills: offer.skills.join(', '),
		regionCode: offer.regionCode ?? '',
		provinceCode: offer.provinceCode ?? '',
		city: offer.city,
		contractType: offer.contractType,
		workingTime: offer.workingTime,
		hoursPerWeek: offer.hoursPerWeek?.toString() ?? '',
		salaryMin: offer.salaryMin?.toString() ?? '',
		salaryMax: offer.salaryMax?.toString() ?? '',
		salaryPeriod: offer.salaryPeriod ?? '',
		education: offer.education,
		experienceYears: String(offer.experienceYears),
		positions: String(offer.positions),
		closingDate: offer.closingDate,
		openToForeigners: offer.openToForeigners ? 'yes' : ''
	};
	for (const entry of offer.languages) values[`lang_${entry.language}`] = entry.level;
	return values;
}
