// The demo's news pictures: drawn for the demo, kept as a coordinator's are (resized, WebP, without metadata, with a
// small version), described in each language of their announcement; none without a file store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, isNotNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { contextFor } from '../../platform/testing/people.ts';
import { checkImage } from '../../platform/storage/image-check.ts';
import { imageMetadata } from '../../platform/storage/image-resize.ts';
import { createNetwork } from './networks.service.ts';
import { loadNewsDemoData } from './news.demo.ts';
import { listNews, newsImageFile, newsThumbnail } from './news.service.ts';
import { network, networkAnnouncement } from './talents.table.ts';

let app: TestApp;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const ctx = contextFor(app.database.db, null);
	await createNetwork(ctx, { slug: 'exemple-numerique', kind: 'skill', name: { fr: 'Exemple : numérique' }, skill: 'digital', joining: 'open' });
	await createNetwork(ctx, { slug: 'exemple-sante', kind: 'skill', name: { fr: 'Exemple : santé' }, skill: 'health', joining: 'open' });
	await app.database.db.update(network).set({ isSample: true });
});
afterAll(async () => app?.close());

describe('the demo’s news pictures', () => {
	it('are kept as a coordinator’s: resized WebP without metadata, a small version for lists, described in each language', async () => {
		const db = app.database.db;
		await loadNewsDemoData(db, { files: app.files });
		const withPicture = await db.select().from(networkAnnouncement).where(isNotNull(networkAnnouncement.imageKey));
		expect(withPicture).toHaveLength(2);
		for (const row of withPicture) {
			expect(row.image).toMatchObject({ format: 'webp', width: 1600, height: 900, small: { width: 480, height: 270 }, sent: { format: 'png', width: 1800, height: 1013 } });
			expect(Object.keys(row.image!.alt).sort()).toEqual(Object.keys(row.subject).sort());
		}
		const figuig = (await listNews(db, 'exemple-sante')).items.find((item) => item.title.fr?.startsWith('Caravane médicale'))!;
		expect(figuig.image!.alt.ar).toContain('واحة');
		const file = await newsImageFile(db, app.files, 'exemple-sante', figuig.id);
		expect(checkImage(file.bytes)).toEqual({ format: 'webp', width: 1600, height: 900, animated: false });
		expect(await imageMetadata(file.bytes)).toMatchObject({ exif: false, xmp: false });
		expect(newsThumbnail(figuig, 'exemple-sante')).toMatchObject({ width: 480, height: 270, src: expect.stringContaining('size=small') });
		const small = await newsImageFile(db, app.files, 'exemple-sante', figuig.id, { size: 'small' });
		expect(checkImage(small.bytes)).toMatchObject({ width: 480, height: 270 });
	});

	it('are left out when the demo is loaded without a file store', async () => {
		const db = app.database.db;
		await db.delete(networkAnnouncement);
		await loadNewsDemoData(db);
		expect(await db.select().from(networkAnnouncement).where(isNotNull(networkAnnouncement.imageKey))).toEqual([]);
		expect((await db.select().from(networkAnnouncement).where(eq(networkAnnouncement.published, true))).length).toBeGreaterThan(2);
	});
});
