// Reminders to the reporters who have not reported yet: for each strategy with indicators, the last
// closed year within its period; each reporter of the strategy without a value for that year gets one
// e-mail, in their language, through the platform's mail queue. Weekly job; `strategy:remind` by hand.
import { asc, eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service.ts';
import type { Database, DbOrTx } from '../../platform/db/database.ts';
import { runDatabaseCommand } from '../../platform/cli/entry.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { mailRecipient } from '../../platform/mail/mail-user.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { completenessOf, periodYears } from './results.service.ts';
import { indicator, strategy } from './strategy.table.ts';

/** Sends the reminders; returns how many e-mails went out. */
export async function sendReportReminders(db: DbOrTx, context: AuditContext, env: { mailer?: Mailer; publicUrl?: string | null }, now: Date = new Date()): Promise<number> {
	const strategies = await db
		.select()
		.from(strategy)
		.where(sql`exists (select 1 from ${indicator} where ${indicator.strategyId} = ${strategy.id})`)
		.orderBy(asc(strategy.slug));
	let sent = 0;
	for (const row of strategies) {
		// the year just closed is the one reporters owe
		const year = now.getUTCFullYear() - 1;
		if (!periodYears(row, now).includes(year)) continue;
		const completeness = await completenessOf(db, row, year);
		const late = completeness.reporters.filter((person) => person.values === 0);
		for (const person of late) {
			if (!env.mailer) break;
			const title = (language: Language) => pickText(row.title as Record<string, string>, language).text;
			// one that fails is reminded again by next week's run
			if (await mailRecipient(env, person, 'strategy.email_reminder', (language) => ({ strategy: title(language), year }), `/strategy/${row.slug}/report`)) sent++;
		}
		if (late.length && env.mailer)
			await recordAudit(db, context, { action: 'strategy_results.remind', resourceType: 'strategy', resourceId: row.id, after: { year, reporters: late.map((person) => person.id) } });
	}
	return sent;
}

export function runStrategyRemind(io: { out(text: string): void; err(text: string): void }, options: { env?: NodeJS.ProcessEnv; database?: Database; mailer?: Mailer; now?: Date } = {}): Promise<number> {
	return runDatabaseCommand('strategy:remind', io, options, async ({ settings, database, context, mailer }) => {
		const sent = await sendReportReminders(database.db, context, { mailer: mailer(), publicUrl: settings.publicUrl }, options.now ?? new Date());
		io.out(sent === 0 ? 'No reminder to send.' : `${sent} reminder e-mail${sent === 1 ? '' : 's'} sent.`);
		return 0;
	});
}
