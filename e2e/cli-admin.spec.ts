// The foundation's promise end to end: an administrator created with the CLI signs in, changes a
// person's role on the users page, and finds the change in the audit trail; then the server stops
// gracefully on SIGTERM. This spec starts its own server (no demo data) so the CLI can prepare it.
import { isolate } from '#platform/i18n/content-language.ts';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, root, type RunningServer } from './server.ts';
import { exactly, expectNoAxeViolations, signIn, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const adminPassword = 'cli-admin-password-2026';

function cli(env: NodeJS.ProcessEnv, args: string[], input?: string) {
	const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'cli.ts'), ...args], {
		cwd: root,
		env,
		input: input ?? '',
		encoding: 'utf8'
	});
	if (result.status !== 0) throw new Error(`cli ${args.join(' ')} → ${result.status}\n${result.stdout}\n${result.stderr}`);
	return result.stdout;
}

describe('an administrator created with the CLI', () => {
	let running: RunningServer;
	let page: Page;

	beforeAll(async () => {
		running = await startServer({
			env: { DEMO_DATA: 'false' },
			beforeStart: (env) => {
				cli(env, ['create-user', '--email', 'chef@mdcmre.example.ma', '--role', 'administrator', '--name', 'Nadia Cheffe'], `${adminPassword}\n`);
				cli(env, ['create-user', '--email', 'karim@example.ma', '--role', 'member', '--name', 'Karim Membre'], 'karim-password-2026\n');
			}
		});
		page = await browser.newPage({ baseURL: running.baseUrl });
	});
	afterAll(async () => {
		await running?.stop();
	});

	test('signs in, changes a role, and sees it in the audit trail (in Arabic)', async () => {
		await signIn(page, 'ar', 'chef@mdcmre.example.ma', adminPassword);
		await page.goto('/ar/admin/users');
		const row = page.getByRole('row').filter({ hasText: 'karim@example.ma' });
		await row.getByLabel(t('ar', 'admin.users_role_for', { name: isolate('Karim Membre') })).selectOption('moderator');
		// the change is saved once the form's POST has answered (the select shows the new role before that)
		await Promise.all([
			page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/ar/admin/users')),
			row.getByRole('button', { name: new RegExp(`^${t('ar', 'admin.users_change_role')}`) }).click()
		]);
		await expect(page.getByRole('row').filter({ hasText: 'karim@example.ma' }).getByRole('combobox').inputValue()).resolves.toBe('moderator');
		await expectNoAxeViolations(page);

		await page.goto('/ar/admin/audit?action=user.set_role');
		const event = page.getByRole('row').filter({ hasText: 'user.set_role' });
		await expect(event.count()).resolves.toBe(1);
		await expect(event.textContent()).resolves.toContain('chef@mdcmre.example.ma');
		await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
		await expectNoAxeViolations(page);
		// the person is told by e-mail, in their language
		// the e-mail goes through the job queue: it reaches the outbox a moment after the change
		const outbox = path.join(running.dataDir, 'outbox');
		const told = async () => fs.existsSync(outbox) && fs.readdirSync(outbox).some((file) => fs.readFileSync(path.join(outbox, file), 'utf8').includes('karim@example.ma'));
		const deadline = Date.now() + 5000;
		while (!(await told()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
		expect(await told()).toBe(true);
	});

	test('the CLI-created accounts and the role change are themselves in the audit trail', async () => {
		await page.goto('/fr/admin/audit?actor=' + encodeURIComponent('chef@mdcmre.example.ma'));
		await expect(page.getByRole('heading', { level: 1, name: exactly(t('fr', 'admin.audit_title')) }).count()).resolves.toBe(1);
		await page.goto('/fr/admin/audit?action=user.create');
		await expect(page.getByRole('row').filter({ hasText: 'user.create' }).count()).resolves.toBe(2);
	});

	test('stops gracefully on SIGTERM: exit code 0 and the database closed', async () => {
		await running.stop();
		expect(running.process.exitCode).toBe(0);
	});
});
