// The chain from strategy to the ground (issue #13, item 4): a visitor reads a SNIA action and the Atlas
// initiative that carries it (Arabic, axe); the strategy's owner (the demo moderator) decides on the
// initiative the demo partner proposed — a decline without a reason is refused, then accepted (Arabic);
// the Oriental's page (French, no JavaScript) shows both initiatives and the initiative's Atlas page counts
// the action; the planner links another initiative to an action from its page (French, no JavaScript, on a
// phone) and the strategy's gap view counts one action fewer without an initiative. Screenshots at 360 and
// 1280 px go to test-results/screenshots/strategy-initiatives-*.
import { describe, expect, test } from 'vitest';
import { check, pick, screenshotsFor, signedInAs } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const { url } = server();
const shoot = screenshotsFor('strategy-initiatives');

interface ApiActions {
	items: { actionId: string; url: string; initiatives: { link: string; title: string; url: string }[] }[];
}

const gapCount = async (page: Awaited<ReturnType<typeof signedInAs>>) => Number((await page.locator('.carried').textContent())?.match(/\d+/)?.[0]);

describe('initiatives on the ground for the strategies’ actions', () => {
	test('read in Arabic, decided by the owner, shown on the region’s page, linked by a planner without JavaScript', { timeout: 180_000 }, async () => {
		// 1. The demo's accepted initiative, through the API, then on its action's page (Arabic, axe).
		const accepted = (await (await fetch(url("/api/v1/strategy/strategies/snia/initiatives"))).json()) as ApiActions;
		expect(accepted.items).toHaveLength(1);
		const [carried] = accepted.items;
		const visitor = await browser.newPage({ locale: 'ar-MA' });
		await visitor.goto(new URL(carried.url).pathname.replace(/^\/fr\//, '/ar/'));
		await check(visitor, 'ar');
		// the French title of the initiative and the French note carry their language
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await expect(visitor.getByRole('heading', { name: t('ar', 'strategy.initiatives_title') }).count()).resolves.toBe(1);
		await expect(visitor.locator('.initiatives a').first().getAttribute('href')).resolves.toBe(new URL(carried.initiatives[0].url).pathname.replace(/^\/fr\//, '/ar/'));
		// a visitor is invited to sign in, not offered the form
		await expect(visitor.locator('form[action="?/propose"]').count()).resolves.toBe(0);
		await shoot(visitor, 'action-ar');
		// the Oriental's page in Arabic: its budget, its initiatives on the ground
		await visitor.goto('/ar/strategy/regions/MA-02');
		await check(visitor, 'ar');
		await expect(visitor.getByRole('heading', { name: t('ar', 'strategy.region_budget_title') }).count()).resolves.toBe(1);
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await shoot(visitor, 'region-ar');

		// 2. The owner's queue: the partner's proposal; no reason, no decline; then accepted (Arabic, axe).
		const owner = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await owner.goto('/ar/strategy/snia/plan/initiatives');
		await check(owner, 'ar');
		const proposal = owner.locator('.proposals > li').first();
		const proposedTitle = (await proposal.locator('h2 a').textContent())!.trim();
		await shoot(owner, 'queue-ar');
		await proposal.getByRole('button', { name: `${t('ar', 'strategy.initiative_decline')} — ${proposedTitle}` }).click();
		await expect(owner.locator('.error-summary').textContent()).resolves.toContain(t('ar', 'strategy.error_decline_reason'));
		await owner.locator('.proposals > li').first().getByRole('button', { name: `${t('ar', 'strategy.initiative_accept')} — ${proposedTitle}` }).click();
		await expect(owner.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'strategy.initiative_done_accepted'));
		await expect(owner.locator('.proposals > li').count()).resolves.toBe(0);
		await check(owner, 'ar');

		// 3. The Oriental's page, without JavaScript: both initiatives, each with the action it carries.
		const reader = await browser.newPage({ javaScriptEnabled: false });
		await reader.goto('/fr/strategy/regions/MA-02');
		await check(reader, 'fr', false);
		const onTheGround = reader.locator('.region-initiatives > li');
		await expect(onTheGround.count()).resolves.toBe(2);
		await expect(onTheGround.filter({ hasText: proposedTitle }).count()).resolves.toBe(1);
		await shoot(reader, 'region-fr');
		// the initiative's Atlas page counts the action it carries, and lists it
		await reader.goto(new URL(carried.initiatives[0].url).pathname);
		const backlink = reader.getByRole('link', { name: t('fr', 'strategy.actions_of_initiative', { count: 1 }) });
		await expect(backlink.count()).resolves.toBe(1);
		await backlink.click();
		await check(reader, 'fr', false);
		await expect(reader.locator('main li a').first().getAttribute('href')).resolves.toBe(new URL(carried.url).pathname);

		// 4. The planner (the demo partner) links an initiative to another action from its page (fr, no JavaScript, phone).
		const planner = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false, true);
		await planner.goto('/fr/strategy/snia?without=initiatives');
		const before = await gapCount(planner);
		await expect(planner.locator('.tree-node--action').count()).resolves.toBe(before);
		const action = planner.locator('.tree-node--action a.tree-node__title').first();
		const actionPath = (await action.getAttribute('href'))!;
		await planner.goto(actionPath);
		await check(planner, 'fr', false);
		const first = await planner.locator('input[name="initiative"]').first().getAttribute('value');
		await pick(planner, 'initiative', [first!]);
		await planner.getByLabel(t('fr', 'strategy.initiative_note'), { exact: true }).fill('Ateliers d’orientation dans la région.');
		await planner.getByRole('button', { name: t('fr', 'strategy.initiative_link'), exact: true }).click();
		await expect(planner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.initiative_done_linked'));
		await expect(planner.locator('.initiatives > li').count()).resolves.toBe(1);
		await shoot(planner, 'linked-fr');
		await planner.goto('/fr/strategy/snia');
		expect(await gapCount(planner)).toBe(before - 1);
		// the gap view keeps only the actions no initiative carries
		await planner.getByRole('link', { name: t('fr', 'strategy.initiatives_gap_show'), exact: true }).click();
		await check(planner, 'fr', false);
		await expect(planner.locator(`a.tree-node__title[href="${actionPath}"]`).count()).resolves.toBe(0);
		await expect(planner.locator('.tree-node--action').count()).resolves.toBe(before - 1);
	});
});
