import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor } from '../testing/people.ts';
import { installModules, installedModules } from '../kernel/modules.ts';
import { defineModule, type ModuleManifest } from '../kernel/manifest.ts';
import type { Action } from '../policy/policy.ts';
import { administrationLinks, mySpace } from './my-space.service.ts';

// Two modules of this test only: one answers with what waits for reviewers, one is announced.
const reviewAction = 'probe.review' as Action;
const probeModule = defineModule({
	slug: 'probe',
	navigation: { navKey: 'probe.nav', titleKey: 'probe.title', textKey: 'probe.text', ready: true },
	actions: { 'probe.review': ['moderator', 'administrator'] },
	async mySpace(ctx) {
		if (!ctx.can(reviewAction)) return [];
		return [
			{ path: '/probe/queue', titleKey: 'probe.queue', waiting: { count: 3, key: 'probe.waiting' }, alsoWaiting: [{ count: 2, key: 'probe.unread' }] },
			{ path: '/probe/settings', titleKey: 'probe.settings', area: 'administration' }
		];
	}
});
const announcedModule = defineModule({
	slug: 'announced',
	navigation: { navKey: 'announced.nav', titleKey: 'announced.title', textKey: 'announced.text', ready: false },
	async mySpace() {
		throw new Error('an announced module is never asked');
	}
});

let app: TestApp;
let previous: readonly ModuleManifest[];
beforeAll(async () => {
	previous = installedModules();
	installModules([...previous, probeModule, announcedModule]);
	app = await createTestApp();
});
afterAll(async () => {
	installModules(previous);
	await app.close();
});

describe('my space', () => {
	it('shows a member their account, no staff places, and marks announced modules', async () => {
		const member = await aPerson(app.database.db);
		const space = await mySpace(contextFor(app.database.db, member));
		expect(space.sections[0].owner).toBe('platform');
		expect(space.sections.map((section) => section.owner)).not.toContain('probe');
		expect(space.sections[0].links.map((link) => link.path)).toEqual(['/account']);
		expect(space.waitingTotal).toBe(0);
		expect(space.comingSoon.map((entry) => entry.slug)).toContain('announced');
		expect(space.comingSoon.map((entry) => entry.slug)).not.toContain('probe');
	});

	it('gives a moderator the module queue with what waits, and the administration pages they may use', async () => {
		const moderator = await aPerson(app.database.db, { role: 'moderator' });
		const space = await mySpace(contextFor(app.database.db, moderator));
		const probe = space.sections.find((section) => section.owner === 'probe');
		expect(probe?.titleKey).toBe('probe.title');
		expect(probe?.links[0]).toMatchObject({ path: '/probe/queue', waiting: { count: 3 }, alsoWaiting: [{ count: 2 }] });
		// what else waits at the same place counts too
		expect(space.waitingTotal).toBe(5);
		const platformPaths = space.sections[0].links.map((link) => link.path);
		expect(platformPaths).toContain('/admin/organisations');
		expect(platformPaths).not.toContain('/admin/users');
	});

	it('lists every administration place, the modules’ too, on the administration home', async () => {
		const administrator = await aPerson(app.database.db, { role: 'administrator' });
		const paths = (await administrationLinks(contextFor(app.database.db, administrator))).map((link) => link.path);
		expect(paths.slice(0, 4)).toEqual(['/admin/users', '/admin/organisations', '/admin/audit', '/admin/jobs']);
		expect(paths).toContain('/probe/settings');
		expect(paths).not.toContain('/probe/queue');
	});

	it('is refused to nobody', async () => {
		await expect(mySpace(contextFor(app.database.db, null))).rejects.toMatchObject({ code: 'unauthenticated' });
	});
});
