import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	html?: string;
	/** language of the message, for the Content-Language header */
	language?: string;
	/** small text files sent with it (a calendar invitation); kept as text so that the message can wait in the job queue */
	attachments?: MailAttachment[];
	/**
	 * where a mail client unsubscribes the recipient in one click (a newsletter): sent as `List-Unsubscribe`
	 * with `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 2369, RFC 8058); the address must
	 * unsubscribe on a POST without a session, by the key it carries
	 */
	unsubscribeUrl?: string;
}

export interface MailAttachment {
	filename: string;
	contentType: string;
	content: string;
}

export interface Mailer {
	send(message: MailMessage): Promise<void>;
}

export interface MailerOptions {
	from: string;
	/** SMTP server; without it, messages are written as .eml files to `outboxDir` */
	smtp?: { host: string; port: number; secure: boolean; user?: string; password?: string };
	outboxDir: string;
}

export function createMailer(options: MailerOptions): Mailer {
	if (options.smtp) {
		const transport = nodemailer.createTransport({
			host: options.smtp.host,
			port: options.smtp.port,
			secure: options.smtp.secure,
			auth: options.smtp.user ? { user: options.smtp.user, pass: options.smtp.password } : undefined
		});
		return {
			async send(message) {
				await transport.sendMail({ from: options.from, ...headers(message), ...withoutOwnFields(message) });
			}
		};
	}
	// No SMTP: keep each message as a readable .eml file (for development, demos and tests).
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	let sequence = 0;
	return {
		async send(message) {
			const info = await transport.sendMail({ from: options.from, ...headers(message), ...withoutOwnFields(message) });
			await fs.mkdir(options.outboxDir, { recursive: true });
			// names sort in the order of delivery, even for several messages within one millisecond
			const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++sequence).padStart(6, '0')}-${crypto.randomUUID().slice(0, 8)}.eml`;
			await fs.writeFile(path.join(options.outboxDir, name), info.message as Buffer);
		}
	};
}

function headers(message: MailMessage) {
	const set: Record<string, string> = {};
	if (message.language) set['Content-Language'] = message.language;
	if (message.unsubscribeUrl) {
		set['List-Unsubscribe'] = `<${message.unsubscribeUrl}>`;
		set['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
	}
	return Object.keys(set).length ? { headers: set } : {};
}

/** The message as nodemailer takes it (our own fields are headers already). */
function withoutOwnFields(message: MailMessage) {
	const { unsubscribeUrl: _unsubscribeUrl, ...rest } = message;
	return rest;
}
