// Every demo role finds its places in my space, with what waits there (the modules' manifests answer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { contextFor } from '../testing/people.ts';
import { user } from './accounts.table.ts';
import { loadActor } from './actor.ts';
import { loadDemoDataIfEmpty } from '../demo/demo.ts';
import { mySpace } from './my-space.service.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await loadDemoDataIfEmpty(app.database.db);
}, 120_000);
afterAll(() => app.close());

async function spaceOf(email: string) {
	const [row] = await app.database.db.select({ id: user.id, role: user.role }).from(user).where(eq(user.email, email));
	const space = await mySpace(contextFor(app.database.db, await loadActor(app.database.db, row.id, row.role)));
	const links = space.sections.flatMap((section) => section.links);
	return { space, paths: links.map((link) => link.path), link: (path: string) => links.find((link) => link.path === path) };
}

describe('my space of each demo role', () => {
	it('leads the moderator to the Atlas queue with the proposals waiting, and to the staff pages', async () => {
		const { paths, link } = await spaceOf('moderator@demo.sharaka.ma');
		expect(paths).toEqual(expect.arrayContaining(['/atlas/moderation', '/atlas/moderation/stale', '/admin/organisations', '/jobs/counsellor/agencies']));
		expect(link('/atlas/moderation')?.waiting?.key).toBe('atlas.space_proposals_waiting');
		expect(paths).not.toContain('/jobs/employer');
		expect(paths).not.toContain('/admin/users');
	});

	it('leads the employer to the employer space and the new applications, not to a partner’s referrals', async () => {
		const { paths, link } = await spaceOf('employer@demo.sharaka.ma');
		expect(paths).toEqual(expect.arrayContaining(['/jobs/employer', '/jobs/employer/applications']));
		expect(link('/jobs/employer/applications')?.waiting?.count).toBeGreaterThanOrEqual(0);
		expect(paths).not.toContain('/jobs/programmes/referrals');
		expect(paths).not.toContain('/atlas/moderation');
	});

	it('leads the programme partner to the referrals waiting for an answer, not to an employer space', async () => {
		const { paths, link } = await spaceOf('partner@demo.sharaka.ma');
		expect(link('/jobs/programmes/referrals')?.waiting?.count).toBeGreaterThan(0);
		expect(paths).toContain('/atlas/initiatives/new');
		expect(paths).not.toContain('/jobs/employer');
		// the demo partner is also the first sample RAMre operator's case worker
		expect(link('/return/cases')?.waiting?.count).toBeGreaterThan(1);
	});

	it('leads the counsellor to the follow-up and the offers to validate', async () => {
		const { paths } = await spaceOf('counsellor@demo.sharaka.ma');
		expect(paths).toEqual(expect.arrayContaining(['/jobs/counsellor', '/jobs/counsellor/validations']));
		// the demo counsellor also holds the international placement division's grant
		expect(paths).toEqual(expect.arrayContaining(['/jobs/placement/division', '/jobs/placement/dashboard']));
		// and so the sessions of the coming week, the returns to record and the follow-ups due (counted, even when none)
		expect(paths).toEqual(expect.arrayContaining(['/jobs/placement/orientation', '/jobs/placement/follow-ups']));
	});

	it('leads a member to their profile and applications, and to nothing of the staff', async () => {
		const { paths, space } = await spaceOf('member@demo.sharaka.ma');
		expect(paths).toEqual(expect.arrayContaining(['/account', '/jobs/profile', '/jobs/applications', '/talents/profile', '/return/checklist', '/return/my-reintegration']));
		expect(paths.some((path) => path.startsWith('/admin') || path.startsWith('/atlas/moderation'))).toBe(false);
		expect(space.comingSoon).toEqual([]);
	});
});
