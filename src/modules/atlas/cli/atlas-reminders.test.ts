import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { createInitiative } from '../initiative.service.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import { runReminders } from './atlas-reminders.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
});
afterAll(async () => {
	await app.close();
});

it('e-mails the members of organisations with initiatives not verified for 12 months, and says so', async () => {
	const db = app.database.db;
	const [org] = await db.insert(organisation).values({ slug: 'rappel-cli', name: 'Association Rappel', type: 'ngo' }).returning();
	await aPerson(db, { role: 'partner', organisationIds: [org.id], email: 'rappel@example.ma', name: 'R', locale: 'en' });
	await createInitiative(contextFor(db, null), {
		title: { fr: 'Caravane de l’emploi' },
		status: 'ongoing',
		sources: [{ citation: 'Test' }],
		organisations: [{ organisation: 'rappel-cli', role: 'implementer' }],
		lastVerifiedOn: '2024-03-01'
	});
	const sent: MailMessage[] = [];
	const out: string[] = [];
	const err: string[] = [];
	const code = await runReminders(
		{ out: (text) => out.push(text), err: (text) => err.push(text) },
		{
			database: app.database,
			mailer: { send: async (message) => void sent.push(message) },
			env: { ...process.env, DATA_DIR: app.dataDir, PUBLIC_URL: 'https://sharaka.example' },
			now: new Date('2026-11-24T08:00:00Z')
		}
	);
	expect(err).toEqual([]);
	expect(code).toBe(0);
	const mine = sent.filter((message) => message.to === 'rappel@example.ma');
	expect(mine).toHaveLength(1);
	expect(mine[0].language).toBe('en');
	expect(mine[0].subject).toContain('Association Rappel');
	expect(mine[0].text).toContain('- Caravane de l’emploi');
	expect(mine[0].text).toContain('https://sharaka.example/en/atlas/organisations/rappel-cli');
	expect(out.join('\n')).toMatch(/reminder e-mails? sent to the members of \d+ organisations?/);
});
