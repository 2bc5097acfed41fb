import type { App } from '../app.ts';
import type { Mailer } from '../mail/mailer.ts';

/** Where moderation e-mails go and which address the links in them start with. */
export interface Notify {
	mailer: Mailer;
	publicUrl: string;
	/** told when a mail cannot be sent (the decision stands) */
	onError?: (error: unknown) => void;
}

/** The app's mailer and public address, for the moderation e-mails. */
export function notifyOf(app: Pick<App, 'mailer' | 'settings' | 'logger'>): Notify {
	return {
		mailer: app.mailer,
		publicUrl: app.settings.publicUrl.replace(/\/$/, ''),
		onError: (error) => app.logger.warn({ err: error }, 'moderation e-mail not sent')
	};
}
