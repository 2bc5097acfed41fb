import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { defaultLanguage, direction, isLanguage, type Language } from '../../../platform/i18n/languages.ts';

/** What sending needs: the mailer and the public address for links. */
export interface FollowUpEnv {
	dataDir: string;
	mailer?: Mailer;
	publicUrl?: string;
}

function escapeHtml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An e-mail from this module's messages (`counsellors.email_<template>_subject|_body`), in one language. */
export function composeFollowUpEmail(language: Language, to: string, template: string, values: Record<string, string | number>) {
	const subject = translate(language, `counsellors.email_${template}_subject`, values);
	const body = translate(language, `counsellors.email_${template}_body`, values);
	const signature = translate(language, 'email.signature');
	const html = `<!doctype html><html lang="${language}" dir="${direction(language)}"><body><p>${escapeHtml(body)
		.replace(/\n\n/g, '</p><p>')
		.replace(/\n/g, '<br>')
		.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p><p>${escapeHtml(signature)}</p></body></html>`;
	return { to, subject, text: `${body}\n\n${signature}\n`, html, language };
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
			composeFollowUpEmail(language, person.email, template, { name: person.name, ...values(language, person), link: `${env.publicUrl ?? ''}/${language}${path}` })
		);
		return true;
	} catch {
		return false;
	}
}
