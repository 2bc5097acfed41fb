import type { App } from '../../../platform/app.ts';
import type { Notify } from './moderation.service.ts';

/** The app's mailer and public address, for the moderation e-mails. */
export function notifyOf(app: Pick<App, 'mailer' | 'settings' | 'logger'>): Notify {
	return {
		mailer: app.mailer,
		publicUrl: app.settings.publicUrl.replace(/\/$/, ''),
		onError: (error) => app.logger.warn({ err: error }, 'moderation e-mail not sent')
	};
}
