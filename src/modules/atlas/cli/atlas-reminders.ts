// `npm run jobs:reminders`: e-mails the members of every organisation taking part in Atlas initiatives
// not verified for 12 months (samples left out), one message per person listing them; recorded in the
// audit trail. Run it monthly (cron). On the embedded database, stop the server first (one process owns PGlite).
import type { Database } from '../../../platform/db/database.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { sendStaleReminders } from '../moderation/moderation.service.ts';
import { runDatabaseCommand } from '../../../platform/cli/entry.ts';
import { createContext } from '../../../platform/kernel/context.ts';

export interface RemindersIo {
	out(text: string): void;
	err(text: string): void;
}

/** Returns the exit code: 0 done, 1 failed. `database` and `mailer` (tests) are used as given. */
export function runReminders(io: RemindersIo, options: { env?: NodeJS.ProcessEnv; database?: Database; mailer?: Mailer; now?: Date } = {}): Promise<number> {
	return runDatabaseCommand('jobs:reminders', io, options, async ({ settings, database, context, mailer }) => {
		const failures: unknown[] = [];
		const { now } = options;
		const mail = mailer();
		const ctx = createContext({ db: database.db, actor: null, audit: context, mailer: mail, now: now ? () => now : undefined });
		const result = await sendStaleReminders(ctx, { mailer: mail, publicUrl: settings.publicUrl.replace(/\/$/, ''), onError: (error) => failures.push(error) });
		io.out(
			result.emails === 0 && result.organisations === 0
				? `No initiative left unverified since ${result.cutoff}: no reminder to send.`
				: `${result.emails} reminder e-mail${result.emails === 1 ? '' : 's'} sent to the members of ${result.organisations} organisation${result.organisations === 1 ? '' : 's'} (initiatives not verified since ${result.cutoff}).`
		);
		if (failures.length) {
			io.err(`${failures.length} e-mail${failures.length === 1 ? '' : 's'} could not be sent: ${(failures[0] as Error).message}`);
			return 1;
		}
		return 0;
	});
}

