import { translate } from '../../../platform/i18n/translator.ts';
import { defaultLanguage, direction, isLanguage, type Language } from '../../../platform/i18n/languages.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';

/** The moderators' e-mail when a partner's import has sent proposals: one per import, in their language. */
export function composeImportEmail(
	locale: unknown,
	to: string,
	values: { count: number; file: string; proposer: string; link: string }
): MailMessage {
	const language: Language = isLanguage(locale) ? locale : defaultLanguage;
	const subject = translate(language, 'atlas_import.email_proposals_subject', values);
	const body = translate(language, 'atlas_import.email_proposals_body', values);
	const signature = translate(language, 'email.signature');
	const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
	const html = `<!doctype html><html lang="${language}" dir="${direction(language)}"><body><p>${escape(body)
		.replace(/\n\n/g, '</p><p>')
		.replace(/\n/g, '<br>')
		.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p><p>${escape(signature)}</p></body></html>`;
	return { to, subject, text: `${body}\n\n${signature}\n`, html, language };
}
