// The controlled lists of a job offer (the tables, forms, filters and API share them).

export const contractTypes = ['cdi', 'cdd', 'seasonal', 'internship', 'temporary', 'integration'] as const;
export type ContractType = (typeof contractTypes)[number];
export const workingTimes = ['full_time', 'part_time'] as const;
export const salaryPeriods = ['hour', 'day', 'month', 'year'] as const;
export const educationLevels = ['none', 'primary', 'secondary', 'baccalaureate', 'vocational', 'bachelor', 'master', 'doctorate'] as const;
/** Languages an offer in Morocco may require: Arabic, Moroccan Arabic, Amazigh, French, English, Spanish (the employer's form). */
export const offerLanguages = ['ar', 'ary', 'zgh', 'fr', 'en', 'es'] as const;
/** Every language an offer may require: Morocco's, and the languages of work abroad (German, Italian, Swedish, Dutch, Portuguese). */
export const requiredLanguages = [...offerLanguages, 'de', 'it', 'sv', 'nl', 'pt'] as const;
export type RequiredLanguageCode = (typeof requiredLanguages)[number];
/** Stored statuses; `expired` is also computed at read time for a published offer past its closing date. */
export const offerStatuses = ['draft', 'pending_validation', 'published', 'filled', 'closed', 'expired'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** The country of the offers of Moroccan employers; any other host country makes an international placement offer. */
export const HOME_COUNTRY = 'MA';
/**
 * How ANAPEC's international placement handles an offer abroad (issue 10): a qualified candidate placed one by
 * one (mobility counsellors), mass recruitment, seasonal work (local agencies source and preselect).
 */
export const placementChannels = ['individual', 'mass', 'seasonal'] as const;
export type PlacementChannel = (typeof placementChannels)[number];
