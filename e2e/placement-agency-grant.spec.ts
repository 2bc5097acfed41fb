// International placement, issue 10 item 3: local agency staff given the grant limited to their agency. An
// administrator, in French without JavaScript on a phone, opens a new person's access page and gives the role
// "agency staff of the international placement", first without an agency (refused on the field), then picking
// "ANAPEC Oujda" by name in the list — no code to type; the person finds the campaigns from their my space, sees
// only the campaigns where Oujda has a quota and only Oujda's row, and no counsellors' page; the access page and
// the campaigns in Arabic pass axe; the role taken back, the campaigns are closed to them. Screenshots at 360 and
// 1280 px go to test-results/screenshots/placement-agency-grant-*.
import { describe, expect, test } from 'vitest';
import { check, checkEach, screenshotsFor, signedInAs, signUpAndConfirm } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('placement-agency-grant');
const stamp = Date.now();
const agentEmail = `agent.oujda.${stamp}@example.ma`;
const agentName = `Nora Agent Oujda ${stamp}`;
const sampleCampaign = 'Saison des fraises et fruits rouges – Huelva (exemple)';

describe('international placement: an agency’s staff with the grant limited to their agency', () => {
	test('an administrator gives the grant picking the agency by name (no JavaScript); the agent sees only that agency’s part; taken back, nothing', { timeout: 300_000 }, async () => {
		const agent = await browser.newPage({ locale: 'fr', javaScriptEnabled: false });
		await signUpAndConfirm(agent, 'fr', agentName, agentEmail, `Agent-${stamp}-pass`);

		const admin = await signedInAs(browser, 'admin@demo.sharaka.ma', 'fr', false, true);
		await admin.goto(`/fr/admin/users?q=${encodeURIComponent(agentEmail)}`);
		await admin.getByRole('link', { name: `${t('fr', 'admin.users_access')} — ${agentName}` }).click();
		const role = t('fr', 'admin.access_role_scoped', { role: t('fr', 'campaigns.grant_agency') });
		// without an agency: refused on the field, nothing given
		await admin.getByLabel(t('fr', 'admin.access_role_label'), { exact: true }).selectOption({ label: role });
		await admin.getByRole('button', { name: t('fr', 'admin.access_add') }).click();
		await expect(admin.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'errors.field_required'));
		await expect(admin.getByRole('cell', { name: 'ANAPEC Oujda' }).count()).resolves.toBe(0);
		// the agency picked by its name
		await admin.getByLabel(t('fr', 'admin.access_role_label'), { exact: true }).selectOption({ label: role });
		await admin.getByLabel(t('fr', 'admin.access_scope_label'), { exact: true }).selectOption({ label: 'ANAPEC Oujda' });
		await admin.getByRole('button', { name: t('fr', 'admin.access_add') }).click();
		await expect(admin.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'admin.access_added', { role: t('fr', 'campaigns.grant_agency') }));
		await expect(admin.getByRole('cell', { name: 'ANAPEC Oujda' }).count()).resolves.toBe(1);
		await check(admin, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(admin, 'fr');
		await shoot(admin, 'access-fr');
		const accessPath = new URL(admin.url()).pathname;

		// the agent: the campaigns from my space, only those where Oujda has a quota, only Oujda's row
		await agent.goto('/fr/my-space');
		await agent.getByRole('link', { name: t('fr', 'campaigns.space_campaigns') }).first().click();
		await check(agent, 'fr', false);
		await expect(agent.getByRole('link', { name: sampleCampaign }).count()).resolves.toBe(1);
		await agent.getByRole('link', { name: sampleCampaign }).click();
		await check(agent, 'fr', false);
		const rows = agent.getByRole('table').first().getByRole('rowheader');
		await expect(rows.allTextContents()).resolves.toContain('ANAPEC Oujda');
		await expect(agent.getByRole('rowheader', { name: 'ANAPEC Rabat' }).count()).resolves.toBe(0);
		await shoot(agent, 'campaign-fr');
		// placement work only: not the agencies' counsellors' pages
		expect((await agent.goto('/fr/jobs/counsellor'))?.status()).toBe(403);

		// in Arabic: the access page and the agent's campaigns pass axe
		const arabicAdmin = await signedInAs(browser, 'admin@demo.sharaka.ma', 'ar');
		await checkEach(arabicAdmin, 'ar', [[accessPath.replace('/fr/', '/ar/'), 'access-ar']], shoot);
		const arabicAgent = await browser.newPage({ locale: 'ar', storageState: await agent.context().storageState() });
		await checkEach(arabicAgent, 'ar', [['/ar/jobs/placement/campaigns', 'campaigns-ar']], shoot);

		// taken back: the campaigns are closed to them
		await arabicAdmin.getByRole('button', { name: new RegExp(t('ar', 'admin.access_revoke')) }).click();
		await expect(arabicAdmin.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'admin.access_revoked'));
		expect((await agent.goto('/fr/jobs/placement/campaigns'))?.status()).toBe(403);
		for (const page of [agent, admin, arabicAdmin, arabicAgent]) await page.close();
	});
});
