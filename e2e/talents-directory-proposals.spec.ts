// Directories of the diaspora kept up to date under moderation (issue 11, item 5). The demo member, in French without
// JavaScript on a phone, suggests a correction of a regional house from its page (a telephone refused first, its error
// summary, nothing saved), then finds the proposal waiting in their proposals (and the forms of a new house and of a new
// association, from the directories' pages); the moderators are e-mailed. A moderator
// finds it from their space in Arabic (axe-core, 320 px and language of parts), reads what changes and approves it; the
// house's page shows the new version, and the member is e-mailed the decision in French. Screenshots at 360 and 1280 px
// go to test-results/screenshots/talents-directory-proposals-*.
import { describe, expect, onTestFinished, test } from 'vitest';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';
import { check, emailsTo, screenshotsFor, signedInAs } from './flows.ts';

const browser = useBrowser();
const shoot = screenshotsFor('talents-directory-proposals');
const stamp = Date.now().toString(36);
// the demo's sample house (directories.demo.ts)
const HOUSE = 'Maison des Marocains du monde de l’Oriental (exemple)';
const ADDRESS = `12, boulevard de l’exemple ${stamp}, Oujda`;
const HOURS = 'Du lundi au vendredi, de 8 h 30 à 16 h 30';

describe('Talents: proposals to the directories', () => {
	test('a member suggests a correction of a house without JavaScript on a phone; a moderator approves it in Arabic', { timeout: 180_000 }, async () => {
		// 1. The member, in French without JavaScript on a phone: the house's page, "Suggest a correction".
		const member = await signedInAs(browser, 'member@demo.sharaka.ma', 'fr', false, true);
		onTestFinished(() => member.context().close());
		await member.goto('/fr/talents/houses');
		await member.getByRole('main').getByRole('link', { name: HOUSE }).click();
		const housePath = new URL(member.url()).pathname;
		await member.getByRole('link', { name: t('fr', 'directories.suggest_correction') }).click();
		expect(new URL(member.url()).pathname).toBe(`${housePath}/propose`);
		await check(member, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(member, 'fr');
		// the form holds the house as it is published
		await expect(member.locator('#field-name_fr').inputValue()).resolves.toBe(HOUSE);
		await expect(member.locator('#field-address').inputValue()).resolves.toBe('1, avenue de l’exemple, Oujda');

		// a telephone that is not one is refused with the error summary, what was typed kept, nothing saved
		await member.locator('#field-address').fill(ADDRESS);
		await member.locator('#field-phone').fill('appelez-moi');
		await member.getByRole('button', { name: t('fr', 'directories.propose_submit') }).click();
		const summary = member.locator('.error-summary');
		await expect(summary.count()).resolves.toBe(1);
		await expect(summary.getByRole('link').first().getAttribute('href')).resolves.toBe('#field-phone');
		await expect(member.locator('#field-address').inputValue()).resolves.toBe(ADDRESS);
		await check(member, 'fr', false);
		await shoot(member, 'refused-fr');

		const before = server().outbox().length;
		await member.locator('#field-phone').fill('+212 5 00 00 00 01');
		await member.locator('#field-openingHours_fr').fill(HOURS);
		await member.getByLabel(t('fr', 'directories.propose_comment'), { exact: true }).fill('La maison a déménagé en mars ; je la fréquente.');
		await member.getByRole('button', { name: t('fr', 'directories.propose_submit') }).click();
		expect(new URL(member.url()).pathname).toBe('/fr/talents/directories/proposals');
		await expect(member.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'directories.done_proposed'));
		await expect(member.getByText(t('fr', 'directories.mine_waiting', { count: 1 })).count()).resolves.toBe(1);
		await check(member, 'fr', false);
		await shoot(member, 'mine-fr');
		// its own page offers to withdraw it while it waits
		await member.getByRole('main').getByRole('link', { name: HOUSE }).click();
		await check(member, 'fr', false);
		await expect(member.getByRole('button', { name: t('fr', 'directories.withdraw_confirm') }).count()).resolves.toBe(1);
		// the forms of a new entry open from each directory's page, with the kind and organisation pickers
		await member.goto('/fr/talents/associations');
		await member.getByRole('link', { name: t('fr', 'directories.propose_entry') }).click();
		expect(new URL(member.url()).pathname).toBe('/fr/talents/associations/propose');
		await check(member, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(member, 'fr');
		await expect(member.getByRole('group', { name: t('fr', 'directories.new_association_legend') }).count()).resolves.toBe(1);
		await member.goto('/fr/talents/houses/propose');
		await check(member, 'fr', false);
		await expect(member.locator('input[name="kind"][value="desk"]').count()).resolves.toBe(1);
		// the house stays as it is until a moderator decides
		await member.goto(housePath);
		await expect(member.getByText(ADDRESS).count()).resolves.toBe(0);
		// the moderators are told
		const [told] = await emailsTo('moderator@demo.sharaka.ma', before);
		expect(told?.subject).toContain(HOUSE);

		// 2. A moderator, in Arabic: from their space to the queue, the review with axe-core, then approves.
		const moderator = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		onTestFinished(() => moderator.context().close());
		await moderator.goto('/ar/my-space');
		await moderator.getByRole('link', { name: t('ar', 'directories.space_moderation') }).click();
		expect(new URL(moderator.url()).pathname).toBe('/ar/talents/directories/moderation');
		await check(moderator, 'ar');
		await moderator.getByRole('link', { name: HOUSE }).click();
		await check(moderator, 'ar');
		await expectPhoneWidthAndLanguageOfParts(moderator, 'ar');
		// what changes, field by field, named in Arabic
		const changes = moderator.getByRole('table', { name: t('ar', 'directories.review_changes') });
		await expect(changes.getByRole('rowheader', { name: t('ar', 'directories.diff_address') }).count()).resolves.toBe(1);
		await expect(changes.getByText(ADDRESS).count()).resolves.toBe(1);
		await expect(changes.getByRole('rowheader', { name: `${t('ar', 'directories.diff_openingHours')} (fr)` }).count()).resolves.toBe(1);
		await shoot(moderator, 'review-ar');
		const decided = server().outbox().length;
		await moderator.getByRole('button', { name: t('ar', 'moderation.action_approve') }).click();
		await expect(moderator.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'directories.done_review_approved', { version: 2 }));
		await check(moderator, 'ar');
		await moderator.getByRole('status').getByRole('link', { name: t('ar', 'directories.see_entry') }).click();

		// 3. The house's page shows the new version; the member is told in French.
		expect(new URL(moderator.url()).pathname).toBe(housePath.replace(/^\/fr/, '/ar'));
		await check(moderator, 'ar');
		await expect(moderator.getByText(ADDRESS).count()).resolves.toBe(1);
		await expect(moderator.getByText(t('ar', 'directories.version_line', { version: 2, date: '' }).split('،')[0]).count()).resolves.toBe(1);
		await expectPhoneWidthAndLanguageOfParts(moderator, 'ar');
		await shoot(moderator, 'published-ar');
		const [answer] = await emailsTo('member@demo.sharaka.ma', decided);
		expect(answer?.subject).toContain(t('fr', 'directories.email_proposal_approved_subject', { title: HOUSE }));
		await member.goto(housePath);
		await expect(member.getByText(ADDRESS).count()).resolves.toBe(1);
		await expect(member.getByText(HOURS).count()).resolves.toBe(1);
	});
});
