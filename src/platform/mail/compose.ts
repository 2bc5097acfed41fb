import { translate } from '../i18n/translator.ts';
import { direction, isLanguage, defaultLanguage, type Language } from '../i18n/languages.ts';
import type { MailMessage } from './mailer.ts';

/**
 * The platform's one e-mail composer: a localised e-mail from two messages, `<key>_subject` and
 * `<key>_body` (plain text, ICU), in the recipient's language (French when theirs is not one of
 * ours), followed by the common signature (`email.signature`). Text and HTML parts; links in the
 * body become links. Every e-mail of the platform and its modules is made here, e.g.
 * `composeEmail(person.locale, person.email, 'email.reset_password', { name, link })` or
 * `composeEmail(language, to, 'seekers.email_alert', values)`.
 */
export function composeEmail(locale: unknown, to: string, key: string, values: Record<string, string | number> = {}): MailMessage {
	const language: Language = isLanguage(locale) ? locale : defaultLanguage;
	const subject = translate(language, `${key}_subject`, values);
	const body = translate(language, `${key}_body`, values);
	const signature = translate(language, 'email.signature');
	const text = `${body}\n\n${signature}\n`;
	const html = `<!doctype html><html lang="${language}" dir="${direction(language)}"><body><p>${escapeHtml(body)
		.replace(/\n\n/g, '</p><p>')
		.replace(/\n/g, '<br>')
		.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p><p>${escapeHtml(signature)}</p></body></html>`;
	return { to, subject, text, html, language };
}

function escapeHtml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
