import readline from 'node:readline';

/** What a command may do with the person at the terminal (or the script that pipes into it). */
export interface CliIo {
	/** a line of the command's result, on stdout */
	out(text: string): void;
	/** a line of information or an error, on stderr */
	err(text: string): void;
	/** whether a person types at a terminal (else stdin is a pipe or a file) */
	terminal: boolean;
	/** on a terminal: asks without echoing what is typed; else the next line of stdin (null at its end) */
	readSecret(prompt: string): Promise<string | null>;
	/** on a terminal: asks and echoes the answer; else the next line of stdin (null at its end) */
	ask(question: string): Promise<string | null>;
}

export class CliCancelled extends Error {
	constructor() {
		super('Cancelled.');
		this.name = 'CliCancelled';
	}
}

/** Reads one line from a terminal in raw mode, echoing nothing. Ctrl-C cancels. */
function readHidden(prompt: string): Promise<string> {
	const stdin = process.stdin;
	process.stderr.write(prompt);
	stdin.setRawMode(true);
	stdin.setEncoding('utf8');
	stdin.resume();
	return new Promise((resolve, reject) => {
		let value = '';
		const finish = () => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stderr.write('\n');
		};
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n' || char === '\u0004') {
					finish();
					resolve(value);
					return;
				}
				if (char === '\u0003') {
					finish();
					reject(new CliCancelled());
					return;
				}
				if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
				else if (char >= ' ') value += char;
			}
		};
		stdin.on('data', onData);
	});
}

/** The lines of stdin, read lazily and shared by every question of the run. */
let pipedLines: AsyncIterator<string> | undefined;

async function nextPipedLine(): Promise<string | null> {
	pipedLines ??= readline.createInterface({ input: process.stdin, terminal: false, crlfDelay: Infinity })[Symbol.asyncIterator]();
	const next = await pipedLines.next();
	return next.done ? null : next.value;
}

/** Stops reading stdin so the process can end. */
export async function closeProcessIo(): Promise<void> {
	await pipedLines?.return?.();
	pipedLines = undefined;
	process.stdin.pause();
}

export function processIo(): CliIo {
	const terminal = Boolean(process.stdin.isTTY);
	return {
		out: (text) => process.stdout.write(`${text}\n`),
		err: (text) => process.stderr.write(`${text}\n`),
		terminal,
		readSecret: (prompt) => (terminal ? readHidden(prompt) : nextPipedLine()),
		async ask(question) {
			if (!terminal) return nextPipedLine();
			const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
			try {
				return await new Promise<string>((resolve) => rl.question(question, resolve));
			} finally {
				rl.close();
			}
		}
	};
}
