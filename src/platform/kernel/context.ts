import type { DbOrTx } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import type { AuditContext } from '../audit/audit.service.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { FileStore } from '../storage/file-store.ts';
import { AppError } from '../http/app-error.ts';
import { can, type Action, type Actor, type Resource } from '../policy/policy.ts';

/**
 * What a service needs to know about the request it serves, as one value: the database (or the
 * transaction it runs in), who acts, in which language, how the change is recorded, how mail goes out,
 * what time it is, where files are kept. Services take a `ctx` instead of (db, audit, actor, …) in a row, and start by asking
 * `ctx.require(action, resource)`.
 */
export interface RequestContext {
	readonly db: DbOrTx;
	readonly actor: Actor | null;
	readonly language: Language;
	readonly audit: AuditContext;
	readonly mailer: Mailer | null;
	readonly now: () => Date;
	/** the site's public address, for links in e-mails ('' when unknown: the links are then relative) */
	readonly publicUrl: string;
	/** the stored files (CVs…): a local directory or a bucket; null where none is given (commands that need none) */
	readonly files: FileStore | null;
	readonly requestId: string | null;
	/** the acting person, when they may do `action` (on `resource`); else a 401 (nobody) or 403 */
	require(action: Action, resource?: Resource): Actor;
	can(action: Action, resource?: Resource): boolean;
	/** the same context inside one transaction: every write and its audit event land together */
	transaction<T>(work: (ctx: RequestContext) => Promise<T>): Promise<T>;
}

export interface ContextParts {
	db: DbOrTx;
	actor: Actor | null;
	language?: Language;
	audit: AuditContext;
	mailer?: Mailer | null;
	now?: () => Date;
	publicUrl?: string;
	files?: FileStore | null;
}

export function createContext(parts: ContextParts): RequestContext {
	const ctx: RequestContext = {
		db: parts.db,
		actor: parts.actor,
		language: parts.language ?? 'fr',
		audit: parts.audit,
		mailer: parts.mailer ?? null,
		now: parts.now ?? (() => new Date()),
		publicUrl: (parts.publicUrl ?? '').replace(/\/$/, ''),
		files: parts.files ?? null,
		requestId: parts.audit.requestId ?? null,
		require(action, resource) {
			if (!parts.actor) throw new AppError('unauthenticated');
			if (!can(parts.actor, action, resource)) throw new AppError('forbidden');
			return parts.actor;
		},
		can: (action, resource) => can(parts.actor, action, resource),
		transaction: (work) => parts.db.transaction((tx) => work(createContext({ ...parts, db: tx })))
	};
	return ctx;
}
