import { translate } from '../../../platform/i18n/translator.ts';
import { direction, isLanguage, defaultLanguage, type Language } from '../../../platform/i18n/languages.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';

/**
 * The moderation e-mails, like `composeEmail` but from the `moderation` namespace:
 * `moderation.email_<template>_subject` and `…_body`, in the recipient's language.
 */
export function composeModerationEmail(locale: unknown, to: string, template: string, values: Record<string, string | number>): MailMessage {
	const language: Language = isLanguage(locale) ? locale : defaultLanguage;
	const subject = translate(language, `moderation.email_${template}_subject`, values);
	const body = translate(language, `moderation.email_${template}_body`, values);
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
