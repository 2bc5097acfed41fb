import type { Role } from '../accounts/accounts.model.ts';
import type { Actor } from '../policy/policy.ts';
import type { RouteTable } from '../policy/route-access.ts';
import type { Endpoint } from '../openapi/registry.ts';
import type { Language } from '../i18n/languages.ts';
import type { Db, DbOrTx } from '../db/database.ts';
import type { RevisionCache } from '../cache/revision-cache.ts';
import type { Settings } from '../config/config.ts';
import type { CliIo } from '../cli/io.ts';
import type { PgTable, PgColumn } from 'drizzle-orm/pg-core';
import type { FileStore } from '../storage/file-store.ts';
import type { RequestContext } from './context.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Logger } from '../log/logger.ts';
import type { Caseload } from '../casework/caseload.ts';
import type { ExchangeRate } from '../money/exchange-rates.ts';

/** A record of this module other modules' records may point at (a programme → its Atlas initiative), by a stable key. */
export interface LinkTarget {
	/** what a picker's legend calls these records */
	titleKey: string;
	/** every record a form may offer, named in the page's language (its own language when it stands in) */
	choices(db: DbOrTx, language: Language): Promise<LinkChoice[]>;
	/** the records these keys name; a key no longer there (removed, renamed) is left out */
	resolve(db: DbOrTx, keys: readonly string[], language: Language): Promise<Map<string, LinkedRecord>>;
	/**
	 * for kinds too many to list in a form (job offers): the key of the record a pasted address or
	 * reference names, or null; `choices` then lists none
	 */
	find?(db: DbOrTx, text: string): Promise<string | null>;
	/**
	 * for records made of others (an Atlas programme and its components, a component's pilot): the keys of the
	 * records each of these keys is a part of, every level up, nearest first; a key part of nothing is left out
	 */
	wholes?(db: DbOrTx, keys: readonly string[]): Promise<Map<string, string[]>>;
}
export interface LinkChoice {
	value: string;
	label: string;
	/** words a picker's filter box also matches (the names in the other languages) */
	keywords?: string;
	/** the label's language when it stands in for the page's (a French title on an Arabic page) */
	lang?: string;
	isSample?: boolean;
}
export interface LinkedRecord {
	label: string;
	/** the language the label is in */
	lang: string;
	/** the record's page, without the language prefix (`/atlas/initiatives/x`) */
	path: string;
	isSample: boolean;
}

/**
 * An event (a module's dated record: a seminar, a meeting) linking to another module's record, for that record's
 * page: its title in the reader's language (`lang` the language it is in), when, where, its page.
 */
export interface LinkedEvent {
	title: string;
	lang: string;
	startsAt: Date;
	endsAt: Date;
	place: string | null;
	online: boolean;
	cancelled: boolean;
	/** the event's page, without the language prefix (`/knowledge/events/x`) */
	path: string;
	isSample: boolean;
}

/** "This module's records that point here": a titled count and the list's page (without the language prefix). */
export interface Backlink {
	titleKey: string;
	count: number;
	path: string;
}

/**
 * What a module adds to a region's page (the Atlas's region page): its records in that region, e.g. the
 * missions the diaspora completed there. The region page renders it without knowing the module.
 */
export interface RegionContribution {
	/** the section's heading (`{count}` is given) */
	titleKey: string;
	/** one sentence under the heading saying what is counted */
	textKey?: string;
	/** how many records there are in the region (the items may be the first ones only) */
	count: number;
	items: RegionContributionItem[];
	/** the module's whole list for the region, without the language prefix */
	path?: string;
	/** the link's words to that list (`{count}` is given) */
	pathKey?: string;
}
export interface RegionContributionItem {
	label: string;
	/** the label's language */
	lang: string;
	/** the record's page, without the language prefix */
	path: string;
	/** a short line under the label (an organisation, a date), already in the page's language */
	detail?: string;
	isSample: boolean;
	/** links to other modules' records it belongs to (`atlas.initiative:x`): the platform resolves them */
	links?: readonly string[];
}

/** A namespace of UI messages in the three languages (`namespace.key` → ICU message). */
export type MessageNamespace = Record<Language, Record<string, string>>;

/** What a public-response cache needs of the running app: its database and settings. */
export interface CacheHost {
	database: { db: Db };
	settings: Settings;
}

/** A command of `npm run admin -- <name>` contributed by a module. */
export interface ModuleCommand {
	/** the arguments, as `help` shows them (e.g. `--initiatives N [--prefix P]`) */
	arguments?: string;
	/** what it does, one sentence for `help` */
	description: string;
	run(argv: string[], io: Pick<CliIo, 'out' | 'err'>): Promise<number>;
}

/** A table holding a person's data, and the column naming the person. */
export interface PersonalTable {
	table: PgTable;
	userColumn: PgColumn;
	/** the key of the person's export under which these rows appear */
	exportKey: string;
}

/** What a module erased, for the audit trail, and what to do once the deletion is committed. */
export interface ErasedData {
	removed: string[];
	/** more facts for the audit event, e.g. the ids of records kept but stripped of the person */
	audit?: Record<string, unknown>;
	/** files to remove once the transaction has committed */
	afterCommit?: () => Promise<void>;
}

export interface PersonalDataHooks {
	/** every table of the module that holds rows about one person (a test checks export and erase cover them) */
	tables: PersonalTable[];
	/** the person's data: its keys are merged into `/api/v1/me/export` (a key appears once in the whole export) */
	export(db: DbOrTx, actor: Actor): Promise<Record<string, unknown>>;
	/** inside the account deletion's transaction, before the account itself goes */
	erase(tx: DbOrTx, userId: string, now: Date, host: { files: FileStore }): Promise<ErasedData>;
}

/** What a module's job may use: the app's database, settings, mailer and logger. */
export interface JobHost {
	database: { db: Db };
	settings: Settings;
	mailer: Mailer;
	logger: Logger;
}

/** Work a module hands to the job queue: run by whichever instance takes it, retried on failure. */
export interface ModuleJob {
	/** message key of one sentence saying what the job does (administration page) */
	descriptionKey: string;
	run(data: Record<string, unknown>, host: JobHost): Promise<void>;
	/** cron expression, Morocco time: the job is queued at those times without an external cron */
	schedule?: string;
	retryLimit?: number;
	retryDelay?: number;
	expireInSeconds?: number;
	/** for long jobs: seconds without a sign of life from the process running it before another instance takes it up */
	heartbeatSeconds?: number;
}

/**
 * A module's pages readable without a connection through the platform's installable web app (ADR 0002).
 * Addresses are written after the language (`/jobs/rights`); patterns are regular expressions matching
 * the whole address. The page script registers the service worker on every page of a module that has
 * something to read offline.
 */
export interface OfflineReading {
	/** pages kept each time they are read (network first) and shown from the copy when the network fails */
	readable: readonly string[];
	/** readable pages a phone keeps from its first visit, before they are read */
	precache?(db: DbOrTx, language: Language): Promise<string[]>;
	/** the entries of the offline page and the web app's shortcuts */
	entries?: readonly { path: string; titleKey: string }[];
	/** the module's pages that carry no script at all, the service worker's included (very light pages) */
	noScript?: readonly string[];
	/**
	 * a personal list whose records' pages are kept with it (saved offers): the list page, the pattern of a
	 * record's page, and the form actions after which personal copies are forgotten (besides signing in or out)
	 */
	saved?: { list: string; item: string; forgetAfter: readonly string[] };
}

/** A place of a person's work in a module, as "my space" lists it. */
/** What a module's demo data may use besides the database. */
export interface DemoDataOptions {
	/** the platform's file store (sample pictures), null or absent where there is none */
	files?: FileStore | null;
}

export interface SpaceLink {
	/** the address after the language: `/atlas/moderation` */
	path: string;
	titleKey: string;
	/** the title's values (a network's name, in the page's language, isolated when it may be in another) */
	titleValues?: Record<string, string>;
	/** one sentence saying what is done there */
	textKey?: string;
	/** what waits there for this person: the count and the message that says it (`{count}`) */
	waiting?: { count: number; key: string };
	/** more of what waits there, each its own sentence (`{count}`), shown when there is some: unread messages beside requests waiting */
	alsoWaiting?: { count: number; key: string }[];
	/** `administration` places are also listed on the administration home */
	area?: 'work' | 'administration';
}

/**
 * One module's declaration of everything it brings to the platform (in the spirit of Decidim's
 * component manifest). The platform reads manifests; it never imports a module. The list of
 * manifests (src/modules/index.ts) is the one shared file a new module adds a line to.
 */
export interface ModuleManifest {
	/** the URL segment and message prefix: `atlas` → /fr/atlas, `atlas.*` messages */
	slug: string;
	/** the entry in the header and on the home page; `ready: false` shows a "coming soon" page */
	navigation?: { navKey: string; titleKey: string; textKey: string; ready: boolean };
	/** the module's actions and the roles granted each by default */
	actions?: Record<string, readonly Role[]>;
	/**
	 * roles a person can be given in this module alone (access_grant), each a set of the module's actions,
	 * optionally limited to one organisation or one scope value (e.g. an agency) when granted
	 */
	grantRoles?: Record<
		string,
		{
			titleKey: string;
			actions: readonly string[];
			limit?: 'none' | 'organisation' | 'scope';
			/** a holder limited to a scope may give the role for that scope to someone else, and take it back (co-coordinators of a network) */
			delegable?: boolean;
			/**
			 * for a role limited to a scope: the values it may be given for, with their names in the language asked
			 * (an agency, a region…). Given, the administration's grants page offers them in a picker and a value not
			 * among them is refused; without it, the role is given on the module's own pages.
			 */
			scopes?: (db: DbOrTx, language: Language) => Promise<{ value: string; label: string }[]>;
		}
	>;
	/** who may reach each of the module's routes (merged with every other module's) */
	routes?: RouteTable;
	/** the module's `/api/v1` endpoints, for the OpenAPI document and the docs page */
	endpoints?: readonly Endpoint[];
	/** tags of those endpoints, in the order the docs show them */
	apiTags?: readonly { name: string; description: string }[];
	/** UI messages by namespace */
	messages?: Record<string, MessageNamespace>;
	/** routes whose request bodies may be larger than BODY_SIZE_LIMIT: 'upload' (UPLOAD_SIZE_LIMIT) or bytes */
	bodyLimits?: Record<string, 'upload' | number>;
	/** reference data every database needs (classifications, real records): idempotent */
	referenceData?(db: Db): Promise<void>;
	/** sample data, loaded after the demo accounts and organisations exist; `files`: the file store, when there is one (sample pictures) */
	demoData?(db: Db, options?: DemoDataOptions): Promise<void>;
	/** whole anonymous responses kept per data revision, by route id */
	publicCaches?: Record<string, (app: CacheHost) => { cache: RevisionCache; key: string }>;
	/** commands of the administration CLI */
	commands?: Record<string, ModuleCommand>;
	/** the module's part of a person's export and account deletion */
	personalData?: PersonalDataHooks;
	/**
	 * the person's places in this module ("my space"): only those their grants open, with counts of what
	 * waits; an empty list when the module has nothing for them
	 */
	mySpace?(ctx: RequestContext): Promise<SpaceLink[]>;
	/** the module's jobs, named `<slug>.<job>` in the queue (e-mails go through the platform's mail job) */
	jobs?: Record<string, ModuleJob>;
	/** people the module's teams follow (casework, ADR 0010): the platform exports and erases their rows, named by team */
	caseloads?: readonly Caseload[];
	/** records other modules may link to, by kind (`<slug>.<record>`): the platform resolves links without importing the module */
	linkTargets?: Record<string, LinkTarget>;
	/** this module's public lists of records that link to another module's record (`atlas.initiative:x`), for that record's page */
	linksTo?(db: DbOrTx, value: string): Promise<Backlink[]>;
	/**
	 * this module's public events linking to another module's record (`talents.network:x`): those not ended
	 * at `now` (soonest first, `upcoming` at most) and ended ones (latest first, `past` at most)
	 */
	eventsLinkingTo?(db: DbOrTx, value: string, language: Language, options: { now: Date; upcoming: number; past: number }): Promise<{ upcoming: LinkedEvent[]; past: LinkedEvent[] }>;
	/** this module's records in one region of Morocco (ISO 3166-2 code, `MA-01`), for the region's page */
	regionContributions?(db: DbOrTx, region: string, language: Language): Promise<RegionContribution[]>;
	/** pages readable offline (the platform's service worker) */
	offline?: OfflineReading;
	/**
	 * the yearly exchange rates this module keeps (units of a currency for one euro), for every module's
	 * conversions through `platform/money/exchange-rates.ts`; one module at most keeps them (the Atlas)
	 */
	exchangeRates?(db: DbOrTx): Promise<readonly ExchangeRate[]>;
	/** columns naming a stored file (the key is `prefix` + the value): a restore checks every one is there */
	storedFiles?: { table: PgTable; column: PgColumn; prefix: string }[];
}

/** Identity helper that type-checks a manifest where it is written. */
export function defineModule<const M extends ModuleManifest>(manifest: M): M {
	return manifest;
}
