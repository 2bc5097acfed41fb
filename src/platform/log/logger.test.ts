import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { apiToken, session } from '../accounts/accounts.table.ts';
import { hashToken } from '../accounts/api-token.service.ts';
import { createLogger } from './logger.ts';
import { createAuth } from '../auth/auth.ts';
import { user } from '../accounts/accounts.table.ts';

/** A logger writing its JSON lines into an array. */
function capturedLogger() {
	const lines: string[] = [];
	const destination = new Writable({
		write(chunk, _encoding, done) {
			lines.push(String(chunk));
			done();
		}
	});
	return { logger: createLogger('info', destination), lines };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected the query to fail');
}

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp();
});
afterAll(async () => app?.close());

describe('error logs', () => {
	it('log a failed query (session token, token hash) without any of its parameter values', async () => {
		const sessionToken = 'cookie-session-token-Zk3qP9sVb7';
		const tokenHash = hashToken('shk_secret-api-token-value');
		const errors = [
			// the session lookup of a request, as the database fails under it
			await failure(app.database.db.select().from(session).where(and(eq(session.token, sessionToken), sql`1 / 0 = 1`))),
			await failure(app.database.db.select().from(apiToken).where(and(eq(apiToken.tokenHash, tokenHash), sql`no_such_column = ${'raw-' + sessionToken}`))),
			await failure(app.database.db.execute(sql`select * from no_such_table where token = ${sessionToken} and hash = ${tokenHash}`))
		];
		const { logger, lines } = capturedLogger();
		for (const err of errors) logger.error({ err, requestId: 'r1' }, 'request failed');
		expect(lines).toHaveLength(3);
		const text = lines.join('\n');
		expect(text).toContain('division by zero');
		expect(text).toContain('Failed query');
		expect(text).toContain('does not exist');
		expect(text).not.toContain(sessionToken);
		expect(text).not.toContain(tokenHash);
		for (const line of lines) {
			const entry = JSON.parse(line);
			expect(entry.err.params).toBeUndefined();
			expect(entry.err.message).toContain('Failed query: select');
			expect(entry.requestId).toBe('r1');
		}
	});

	it('drop params and parameters from any error and its causes, and keep what helps', () => {
		const cause = Object.assign(new Error('duplicate key value violates unique constraint "session_token_unique"'), {
			code: '23505',
			detail: 'Key (token)=(leaked-in-detail) already exists.',
			parameters: ['leaked-in-cause-parameters'],
			params: ['leaked-in-cause-params']
		});
		const error = Object.assign(new Error('Failed query: insert into "session" ("token") values ($1)\nparams: leaked-in-message', { cause }), {
			query: 'insert into "session" ("token") values ($1)',
			params: ['leaked-in-params']
		});
		const { logger, lines } = capturedLogger();
		logger.error({ err: error }, 'background task failed');
		const text = lines.join('');
		expect(text).not.toMatch(/leaked/);
		const entry = JSON.parse(text);
		expect(entry.err).toMatchObject({ type: 'Error', query: 'insert into "session" ("token") values ($1)' });
		expect(entry.err.message).toContain('Failed query: insert into "session" ("token") values ($1)');
		expect(entry.err.message).toContain('duplicate key value violates unique constraint');
		expect(entry.err.stack).toContain('logger.test.ts');

		// a driver's error logged as it is (node-postgres: code, detail quoting the row's values)
		logger.error({ err: cause }, 'request failed');
		const driver = lines.at(-1)!;
		expect(driver).not.toMatch(/leaked/);
		expect(JSON.parse(driver).err).toMatchObject({ code: '23505', detail: 'Key (token)=([redacted]) already exists.' });
	});

	it('route better-auth’s own error log (the session lookup of a cookie, the database down) through the same logger', async () => {
		const own = await createTestApp();
		const { logger, lines } = capturedLogger();
		const auth = createAuth({
			db: own.database.db,
			mailer: own.mailer,
			secret: 'test-secret-test-secret-test-secret-0123',
			publicUrl: 'http://localhost:3000',
			production: false,
			runInBackground: () => {},
			logger
		});
		const email = 'logged@example.ma';
		await auth.api.signUpEmail({ body: { name: 'Logged', email, password: 'un mot de passe assez long' } });
		await own.database.db.update(user).set({ emailVerified: true }).where(eq(user.email, email));
		const { headers } = await auth.api.signInEmail({ body: { email, password: 'un mot de passe assez long' }, returnHeaders: true });
		const cookie = headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
		const sessionToken = decodeURIComponent(/session_token=([^;]+)/.exec(cookie)![1]).split('.')[0];
		expect(sessionToken.length).toBeGreaterThan(10);
		const stderr: unknown[] = [];
		const original = console.error;
		console.error = (...args: unknown[]) => void stderr.push(args);
		try {
			await own.database.close(); // the database fails under the next request
			const err = await failure(auth.api.getSession({ headers: new Headers({ cookie }) }));
			logger.error({ err, requestId: 'r2' }, 'request failed'); // what the request hook does with it
		} finally {
			console.error = original;
			await own.close().catch(() => {});
		}
		expect(stderr).toEqual([]);
		const text = lines.join('\n');
		expect(text).toContain('INTERNAL_SERVER_ERROR');
		expect(text).toContain('Failed query');
		expect(text).not.toContain(sessionToken);
	});
});
