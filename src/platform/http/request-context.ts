import type { App } from '../app.ts';
import { createContext, type RequestContext } from '../kernel/context.ts';

/** The service context of one request, from what the request hook put in `locals`. */
export function requestContext(app: Pick<App, 'database' | 'mailer' | 'settings' | 'files'>, locals: App.Locals): RequestContext {
	return createContext({ db: app.database.db, actor: locals.actor, language: locals.language, audit: locals.audit, mailer: app.mailer, publicUrl: app.settings.publicUrl, files: app.files });
}
