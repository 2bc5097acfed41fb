/** An e-mail of the test outbox as a person reads it: recipient, language and the plain-text part, decoded. */
export interface ReadMail {
	to: string;
	language: string;
	subject: string;
	text: string;
	/** the files sent with it, decoded */
	attachments: { filename: string; contentType: string; content: string }[];
}

function decodeQuotedPrintable(body: string): string {
	const joined = body.replace(/=\r?\n/g, '');
	const bytes: number[] = [];
	for (let i = 0; i < joined.length; i++) {
		if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
			bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(joined[i], 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

/** Reads one .eml the mailer wrote (multipart text + HTML, quoted-printable or base64). */
export function readMail(raw: string): ReadMail {
	const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(raw)?.[1]?.trim() ?? '';
	const part = /Content-Type: text\/plain; charset=utf-8\r?\nContent-Transfer-Encoding: ([\w-]+)\r?\n\r?\n([\s\S]*?)\r?\n--/i.exec(raw);
	if (!part) throw new Error(`no text part in:\n${raw}`);
	const [, encoding, body] = part;
	const text =
		encoding.toLowerCase() === 'quoted-printable'
			? decodeQuotedPrintable(body)
			: encoding.toLowerCase() === 'base64'
				? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
				: body;
	return { to: header('To'), language: header('Content-Language'), subject: header('Subject'), text, attachments: attachmentsOf(raw) };
}

/** The attachment parts of a message: their (unfolded) headers, their body decoded from base64. */
function attachmentsOf(raw: string) {
	return raw
		.split(/\r?\n--[^\r\n]+\r?\n/)
		.map((part) => {
			const [head, ...body] = part.split(/\r?\n\r?\n/);
			const headers = head.replace(/\r?\n[ \t]+/g, ' ');
			if (!/^Content-Disposition: attachment/im.test(headers)) return null;
			const contentType = /^Content-Type: ([^\r\n]*)/im.exec(headers)?.[1] ?? '';
			const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1] ?? '';
			const content = /^Content-Transfer-Encoding: base64/im.test(headers) ? Buffer.from(body.join('\n\n').replace(/--[^\s]*--\s*$/, '').replace(/\s+/g, ''), 'base64').toString('utf8') : body.join('\n\n');
			return { filename, contentType, content };
		})
		.filter((part) => part !== null);
}
