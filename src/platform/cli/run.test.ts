import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { verifyPassword } from 'better-auth/crypto';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { account, organisation, user } from '../accounts/accounts.table.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import { findUserByApiToken } from '../accounts/api-token.service.ts';
import { runCli } from './run.ts';
import { loadActor } from '../accounts/actor.ts';
import { can } from '../policy/policy.ts';
import type { CliIo } from './io.ts';

/** A scripted terminal or pipe: answers come from `lines`, output is collected. */
function fakeIo(lines: string[] = [], terminal = false) {
	const out: string[] = [];
	const err: string[] = [];
	const queue = [...lines];
	const prompts: string[] = [];
	const io: CliIo = {
		out: (text) => out.push(text),
		err: (text) => err.push(text),
		terminal,
		readSecret: async (prompt) => {
			prompts.push(prompt);
			return queue.shift() ?? null;
		},
		ask: async (question) => {
			prompts.push(question);
			return queue.shift() ?? null;
		}
	};
	return { io, out, err, prompts };
}

describe('the admin command line', () => {
	let app: TestApp;
	let run: (argv: string[], io: CliIo) => Promise<number>;
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-cli-'));

	beforeAll(async () => {
		app = await createTestApp();
		run = (argv, io) => runCli(argv, io, { database: app.database, env: { DATA_DIR: app.dataDir, LOG_LEVEL: 'silent' } });
	});
	afterAll(async () => {
		await app?.close();
		fs.rmSync(workDir, { recursive: true, force: true });
	});

	const findUser = async (email: string) => (await app.database.db.select().from(user).where(eq(user.email, email)))[0];

	it('gives a role in one module to an account, listed in help, refused for an unknown account or role', async () => {
		const created = fakeIo(['a-long-password-2026']);
		expect(await run(['create-user', '--email', 'rachid@example.ma', '--role', 'member'], created.io), created.err.join(' ')).toBe(0);
		const list = fakeIo();
		expect(await run(['grant', '--list'], list.io), list.err.join(' ')).toBe(0);
		expect(list.out).toContain('atlas:moderator');
		const given = fakeIo();
		expect(await run(['grant', '--email', 'rachid@example.ma', '--role', 'atlas:moderator'], given.io)).toBe(0);
		const person = await findUser('rachid@example.ma');
		expect(can(await loadActor(app.database.db, person.id, person.role), 'atlas.moderate')).toBe(true);
		const again = fakeIo();
		expect(await run(['grant', '--email', 'rachid@example.ma', '--role', 'atlas:moderator'], again.io)).toBe(1);
		expect(again.err.join('\n')).toContain('already holds');
		const unknownRole = fakeIo();
		expect(await run(['grant', '--email', 'rachid@example.ma', '--role', 'atlas:king'], unknownRole.io)).toBe(1);
		expect(unknownRole.err.join('\n')).toContain('atlas:moderator');
		const nobody = fakeIo();
		expect(await run(['grant', '--email', 'nobody@example.ma', '--role', 'atlas:moderator'], nobody.io)).toBe(1);
	});

	it('gives a role limited to one organisation only with --organisation, naming it by its slug', async () => {
		const [operator] = await app.database.db.insert(organisation).values({ slug: 'operateur-cli', name: 'Opérateur CLI', type: 'ngo' }).returning();
		const created = fakeIo(['a-long-password-2026']);
		expect(await run(['create-user', '--email', 'samira@example.ma', '--role', 'member'], created.io), created.err.join(' ')).toBe(0);
		const without = fakeIo();
		expect(await run(['grant', '--email', 'samira@example.ma', '--role', 'return:caseworker'], without.io)).toBe(1);
		expect(without.err.join('\n')).toContain('--organisation');
		const unknown = fakeIo();
		expect(await run(['grant', '--email', 'samira@example.ma', '--role', 'return:caseworker', '--organisation', 'nulle-part'], unknown.io)).toBe(1);
		expect(unknown.err.join('\n')).toContain('nulle-part');
		const notLimited = fakeIo();
		expect(await run(['grant', '--email', 'samira@example.ma', '--role', 'atlas:moderator', '--organisation', 'operateur-cli'], notLimited.io)).toBe(1);
		const given = fakeIo();
		expect(await run(['grant', '--email', 'samira@example.ma', '--role', 'return:caseworker', '--organisation', 'operateur-cli'], given.io), given.err.join(' ')).toBe(0);
		const person = await findUser('samira@example.ma');
		const actor = await loadActor(app.database.db, person.id, person.role);
		expect(actor.grants).toEqual([expect.objectContaining({ module: 'return', role: 'caseworker', organisationId: operator.id })]);
	});

	it('prints the help with exit 0, and wrong usage with exit 2', async () => {
		const help = fakeIo();
		expect(await run(['help'], help.io)).toBe(0);
		for (const command of ['create-user', 'set-role', 'create-token', 'migrate', 'backup', 'restore']) {
			expect(help.out.join('\n')).toContain(command);
		}
		const cases: string[][] = [
			[],
			['launch-rockets'],
			['create-user', '--role', 'member'],
			['create-user', '--email', 'someone@example.ma', '--role', 'king'],
			['create-user', '--email', 'not-an-address', '--role', 'member'],
			['create-token', '--email', 'someone@example.ma'],
			['set-role', '--email', 'someone@example.ma', '--role', 'member', '--force'],
			['backup'],
			['restore', 'a.json.gz', 'b.json.gz']
		];
		for (const argv of cases) {
			const { io, err } = fakeIo(['a-long-enough-password']);
			expect(await run(argv, io), argv.join(' ')).toBe(2);
			expect(err.join('\n')).not.toBe('');
		}
		expect(await findUser('someone@example.ma')).toBeUndefined();
	});

	it('creates a verified account from a piped password, who can then sign in', async () => {
		const { io, out } = fakeIo(['correct-horse-battery']);
		expect(await run(['create-user', '--email', 'Amina@Example.MA', '--role', 'administrator', '--name', 'Amina El Alaoui'], io)).toBe(0);
		expect(out.join('\n')).toContain('amina@example.ma');
		const created = await findUser('amina@example.ma');
		expect(created).toMatchObject({ name: 'Amina El Alaoui', role: 'administrator', emailVerified: true });
		const [credential] = await app.database.db
			.select()
			.from(account)
			.where(and(eq(account.userId, created.id), eq(account.providerId, 'credential')));
		expect(credential.accountId).toBe(created.id);
		expect(await verifyPassword({ hash: credential.password!, password: 'correct-horse-battery' })).toBe(true);
		const signedIn = await app.auth.api.signInEmail({ body: { email: 'amina@example.ma', password: 'correct-horse-battery' } });
		expect(signedIn.user.email).toBe('amina@example.ma');
		const [audit] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, created.id));
		expect(audit).toMatchObject({ action: 'user.create', channel: 'cli', resourceType: 'user', actorUserId: null });
		expect(audit.after).toEqual({ email: 'amina@example.ma', name: 'Amina El Alaoui', role: 'administrator', emailVerified: true });
		expect(JSON.stringify(audit.after)).not.toContain('correct-horse');
	});

	it('asks for the password twice on a terminal and refuses a mismatch or a short one', async () => {
		const mismatch = fakeIo(['first-password-1', 'second-password-2'], true);
		expect(await run(['create-user', '--email', 'youssef@example.ma', '--role', 'moderator'], mismatch.io)).toBe(1);
		expect(mismatch.prompts).toEqual(['Password: ', 'Password again: ']);
		expect(mismatch.err.join('\n')).toMatch(/differ/);

		const short = fakeIo(['short'], true);
		expect(await run(['create-user', '--email', 'youssef@example.ma', '--role', 'moderator'], short.io)).toBe(1);
		expect(short.err.join('\n')).toMatch(/at least 10 characters/);

		const piped = fakeIo([]);
		expect(await run(['create-user', '--email', 'youssef@example.ma', '--role', 'moderator'], piped.io)).toBe(1);
		expect(piped.err.join('\n')).toMatch(/No password on stdin/);
		expect(await findUser('youssef@example.ma')).toBeUndefined();

		const good = fakeIo(['same-password-ok', 'same-password-ok'], true);
		expect(await run(['create-user', '--email', 'youssef@example.ma', '--role', 'moderator'], good.io)).toBe(0);
		expect(await findUser('youssef@example.ma')).toMatchObject({ role: 'moderator', name: 'youssef' });
	});

	it('refuses a second account with the same e-mail', async () => {
		const { io, err } = fakeIo(['another-password']);
		expect(await run(['create-user', '--email', 'AMINA@example.ma', '--role', 'member'], io)).toBe(1);
		expect(err.join('\n')).toContain('already exists');
		expect((await findUser('amina@example.ma')).role).toBe('administrator');
	});

	it('changes a role, audited on the cli channel, and says so for an unknown e-mail', async () => {
		const { io, out } = fakeIo();
		expect(await run(['set-role', '--email', 'youssef@example.ma', '--role', 'counsellor'], io)).toBe(0);
		expect(out.join('\n')).toContain('counsellor');
		const person = await findUser('youssef@example.ma');
		expect(person.role).toBe('counsellor');
		const events = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, person.id));
		expect(events.find((event) => event.action === 'user.set_role')).toMatchObject({ channel: 'cli', before: { role: 'moderator' }, after: { role: 'counsellor' } });

		const unknown = fakeIo();
		expect(await run(['set-role', '--email', 'nobody@example.ma', '--role', 'member'], unknown.io)).toBe(1);
		expect(unknown.err.join('\n')).toContain('No account has the e-mail nobody@example.ma');
	});

	it('creates an API token, printed once on stdout, that authenticates its owner', async () => {
		const { io, out, err } = fakeIo();
		expect(await run(['create-token', '--email', 'amina@example.ma', '--name', 'Rapports mensuels'], io)).toBe(0);
		expect(out).toHaveLength(1);
		expect(err.join('\n')).toContain('only this once');
		const found = await findUserByApiToken(app.database.db, out[0]);
		expect(found?.user.email).toBe('amina@example.ma');
		expect(found?.tokenName).toBe('Rapports mensuels');

		const unknown = fakeIo();
		expect(await run(['create-token', '--email', 'nobody@example.ma', '--name', 'x'], unknown.io)).toBe(1);
		expect(unknown.out).toEqual([]);
	});

	it('reports an up-to-date database on migrate', async () => {
		const { io, out } = fakeIo();
		expect(await run(['migrate'], io)).toBe(0);
		expect(out.join('\n')).toMatch(/up to date: \d+ migrations/);
	});

	it('backs up and restores; on a terminal, restore asks first', async () => {
		const file = path.join(workDir, 'backup.json.gz');
		const backup = fakeIo();
		expect(await run(['backup', file], backup.io)).toBe(0);
		expect(fs.existsSync(file)).toBe(true);

		const later = fakeIo(['later-password-1']);
		expect(await run(['create-user', '--email', 'later@example.ma', '--role', 'member'], later.io)).toBe(0);

		const declined = fakeIo(['no'], true);
		expect(await run(['restore', file], declined.io)).toBe(1);
		expect(declined.prompts.join()).toContain('replaces ALL the data');
		expect(await findUser('later@example.ma')).toBeDefined();

		const confirmed = fakeIo(['yes'], true);
		expect(await run(['restore', file], confirmed.io), confirmed.err.join('\n')).toBe(0);
		expect(await findUser('later@example.ma')).toBeUndefined();
		expect(await findUser('amina@example.ma')).toBeDefined();

		const missing = fakeIo();
		expect(await run(['restore', path.join(workDir, 'nope.json.gz')], missing.io)).toBe(1);
		expect(missing.err.join('\n')).toContain('No such file');
	});

	it('refuses to back up a DATA_DIR that holds no database, creating nothing', async () => {
		const wrong = path.join(workDir, 'not-a-data-dir');
		const { io, err } = fakeIo();
		expect(await runCli(['backup', path.join(workDir, 'empty.json.gz')], io, { env: { DATA_DIR: wrong, LOG_LEVEL: 'silent' } })).toBe(1);
		expect(err.join('\n')).toContain('There is no Sharaka database in DATA_DIR=');
		expect(fs.existsSync(wrong)).toBe(false);
		expect(fs.existsSync(path.join(workDir, 'empty.json.gz'))).toBe(false);
	});
});
