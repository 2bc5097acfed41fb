// `return:survey-invitations`: e-mails the sustainability survey's rounds that fell due and were never
// sent (run daily: cron, systemd timer). The case worker can still send or re-send any round by hand.
import type { Database } from '../../../platform/db/database.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { runDatabaseCommand } from '../../../platform/cli/entry.ts';
import { createContext } from '../../../platform/kernel/context.ts';
import { sendDueSurveyInvitations } from '../survey.ts';

/** Returns the exit code: 0 done, 1 failed. `database`, `mailer` and `now` (tests) are used as given. */
export function runSurveyInvitations(
	io: { out(text: string): void; err(text: string): void },
	options: { env?: NodeJS.ProcessEnv; database?: Database; mailer?: Mailer; now?: () => Date } = {}
): Promise<number> {
	return runDatabaseCommand('return:survey-invitations', io, options, async ({ database, context, mailer, settings }) => {
		const result = await sendDueSurveyInvitations(createContext({ db: database.db, actor: null, audit: context, mailer: mailer(), publicUrl: settings.publicUrl, now: options.now }));
		io.out(`${result.sent} survey invitations sent${result.failed ? `, ${result.failed} could not be e-mailed (the case workers see them as sent and can send again)` : ''}.`);
		return 0;
	});
}
