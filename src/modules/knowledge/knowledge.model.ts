// The Knowledge module's words: what a document of the library is (issue #14, seeds 002 §2.12 and annex 3.4).

/** The kinds of document the SHARAKA components produced (annex 3.4) and the project's publications. */
export const documentTypes = ['report', 'synthesis', 'study', 'guide', 'tool', 'film', 'newsletter', 'presentation'] as const;
export type DocumentType = (typeof documentTypes)[number];

/** forthcoming: announced, not yet available (annex 3.4 says "à venir", "prochaine mise en ligne"). */
export const documentStatuses = ['forthcoming', 'published'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/** The themes of the library: the SHARAKA components (annex 3.4) and research on migration (§2.11). */
export const documentThemes = [
	'migration_development',
	'skills_mobilisation',
	'immigrant_integration',
	'international_placement',
	'return_reintegration',
	'migration_research'
] as const;
export type DocumentTheme = (typeof documentThemes)[number];

/** The action plan of a deliverable: short-, medium- and long-term recommendations (002 §2.12). */
export const horizons = ['short', 'medium', 'long'] as const;
export type Horizon = (typeof horizons)[number];

/** Languages a document is written in (ISO 639-1); the three of the platform and the partners' others. */
export const documentLanguages = ['fr', 'ar', 'en', 'es', 'de', 'nl'] as const;

/** The collection of the platform's moderation (ADR 0011). */
export const documentsCollection = 'knowledge.documents';

/** A PDF of the library: at most 50 MB (issue #14). */
export const DOCUMENT_MAX_BYTES = 50 * 1024 * 1024;

/** The stored files' keys: `knowledge/documents/<sha-256>.pdf`, outside the web root (ctx.files). */
export const DOCUMENT_FILE_PREFIX = 'knowledge/documents/';
