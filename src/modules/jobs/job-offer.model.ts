// The controlled lists of a job offer (the tables, forms, filters and API share them).

export const contractTypes = ['cdi', 'cdd', 'seasonal', 'internship', 'temporary', 'integration'] as const;
export type ContractType = (typeof contractTypes)[number];
export const workingTimes = ['full_time', 'part_time'] as const;
export const salaryPeriods = ['hour', 'day', 'month', 'year'] as const;
export const educationLevels = ['none', 'primary', 'secondary', 'baccalaureate', 'vocational', 'bachelor', 'master', 'doctorate'] as const;
/** Languages an offer may require: Arabic, Moroccan Arabic, Amazigh, French, English, Spanish. */
export const offerLanguages = ['ar', 'ary', 'zgh', 'fr', 'en', 'es'] as const;
/** Stored statuses; `expired` is also computed at read time for a published offer past its closing date. */
export const offerStatuses = ['draft', 'pending_validation', 'published', 'filled', 'closed', 'expired'] as const;
export type OfferStatus = (typeof offerStatuses)[number];
