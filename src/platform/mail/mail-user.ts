import { eq } from 'drizzle-orm';
import { user } from '../accounts/accounts.table.ts';
import type { DbOrTx } from '../db/database.ts';
import { defaultLanguage, isLanguage, type Language } from '../i18n/languages.ts';
import { composeEmail } from './compose.ts';
import type { Mailer } from './mailer.ts';

/** Where a notice about a committed change is sent from: a request's context, or a job's environment. */
export interface MailEnv {
	db: DbOrTx;
	mailer?: Mailer | null;
	publicUrl?: string | null;
}

export interface Recipient {
	email: string;
	name: string;
	locale: string | null;
}

/** The language a person reads their e-mails in: theirs when it is one of ours, else the default. */
export function languageOf(person: Pick<Recipient, 'locale'>): Language {
	return isLanguage(person.locale) ? person.locale : defaultLanguage;
}

/**
 * Tells a person about a change that is already committed, in their own language: the message `<key>`
 * (see composeEmail) with their name, `values` (which may depend on the language: a status, a title)
 * and, when `path` is given, a `link` to that page (after the language). A mail failure changes
 * nothing — the change stands and the person sees it on their page — so it answers whether it went.
 */
export async function mailRecipient(
	env: Omit<MailEnv, 'db'>,
	person: Recipient,
	key: string,
	values: (language: Language) => Record<string, string | number>,
	path?: string
): Promise<boolean> {
	if (!env.mailer) return false;
	const language = languageOf(person);
	const link: Record<string, string> = path === undefined ? {} : { link: `${(env.publicUrl ?? '').replace(/\/$/, '')}/${language}${path}` };
	try {
		await env.mailer.send(composeEmail(language, person.email, key, { name: person.name, ...values(language), ...link }));
		return true;
	} catch {
		return false;
	}
}

/** The same for a user account found by its id (nothing is sent when the account is gone). */
export async function mailUser(
	env: MailEnv,
	userId: string,
	key: string,
	values: (language: Language) => Record<string, string | number>,
	path?: string
): Promise<boolean> {
	if (!env.mailer) return false;
	const [person] = await env.db.select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(eq(user.id, userId));
	return person ? mailRecipient(env, person, key, values, path) : false;
}
