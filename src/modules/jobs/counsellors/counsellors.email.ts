import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import type { FileStore } from '../../../platform/storage/file-store.ts';
import { composeEmail } from '../../../platform/mail/compose.ts';
import { defaultLanguage, isLanguage, type Language } from '../../../platform/i18n/languages.ts';

/** What the follow-up needs besides the database: the file store (CVs), the mailer, the public address for links. */
export interface FollowUpEnv {
	files: FileStore;
	mailer?: Mailer;
	publicUrl?: string;
}

/**
 * Sends one e-mail to a person in their own language, after the change is committed: a mail failure
 * changes nothing. `values` may depend on the language (a status name, a programme's name).
 */
export async function mailPerson(
	db: DbOrTx,
	env: FollowUpEnv,
	userId: string,
	template: string,
	values: (language: Language, person: { name: string }) => Record<string, string | number>,
	path: string
): Promise<boolean> {
	if (!env.mailer) return false;
	const [person] = await db.select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(eq(user.id, userId));
	if (!person) return false;
	const language: Language = isLanguage(person.locale) ? person.locale : defaultLanguage;
	try {
		await env.mailer.send(
			composeEmail(language, person.email, `counsellors.email_${template}`, { name: person.name, ...values(language, person), link: `${env.publicUrl ?? ''}/${language}${path}` })
		);
		return true;
	} catch {
		return false;
	}
}
