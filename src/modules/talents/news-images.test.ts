// A network's news items on their own pages, with a main picture (issue #11): the picture checked by its content,
// made again (bounded, WebP, without metadata) with a small version for lists, described in each language of the
// announcement, kept in the file store and erased with its announcement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { checkImage } from '../../platform/storage/image-check.ts';
import { imageMetadata } from '../../platform/storage/image-resize.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { aJpeg, aPicture, aWebp } from '../../platform/testing/images.ts';
import { aPdf } from '../../platform/testing/pdf.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { postAnnouncement } from './announcements.service.ts';
import { createNetwork, getNetworkPage } from './networks.service.ts';
import { deleteAnnouncement, getNewsItem, listNews, newsImageFile, newsItemView, newsJsonLd, removeNewsImage, setNewsImage, unpublishNews } from './news.service.ts';
import { newsFeed } from './news-feed.ts';
import { NEWS_IMAGE_GRACE_MS, NEWS_IMAGE_MAX_BYTES, smallImageKey, sweepNewsImages } from './news-images.ts';
import { networkAnnouncement } from './talents.table.ts';
import { applyTalentsRetention } from './retention.ts';

let app: TestApp;
let coordinator: Actor;
let otherCoordinator: Actor;
let member: Person;
const queue = { send: async () => 'job' };
const slug = 'ingenieurs-belgique';

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return { code: 'ok' };
	} catch (error) {
		if (isAppError(error)) return { code: error.code, reason: error.extra?.reason, fields: error.fields.map((field) => `${field.path}:${field.messageKey}`) };
		throw error;
	}
};
const ctxOf = (who: Actor | Person | null) => contextFor(app.database.db, who, { files: app.files });
const storedKeys = async () => {
	const keys: string[] = [];
	for await (const key of app.files.list('talents/news/')) keys.push(key);
	return keys;
};
/** the pictures kept, without their small versions (each checked to be there) */
const pictures = async () => {
	const keys = await storedKeys();
	const main = keys.filter((key) => !key.endsWith('.small.webp'));
	expect(keys.filter((key) => key.endsWith('.small.webp')).sort()).toEqual(main.filter((key) => key.endsWith('.webp')).map(smallImageKey).sort());
	return main;
};
const announcementCount = async () => (await app.database.db.select().from(networkAnnouncement)).length;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	await createNetwork(contextFor(db, null), { slug, kind: 'skill', name: { fr: 'Ingénieurs en Belgique', ar: 'المهندسون في بلجيكا' }, skill: 'engineering', joining: 'open' });
	await createNetwork(contextFor(db, null), { slug: 'autre', kind: 'skill', name: { fr: 'Autre' }, skill: 'health', joining: 'open' });
	const person = await aPerson(db);
	coordinator = { ...person.actor, grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: slug }] };
	otherCoordinator = { ...person.actor, grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: 'autre' }] };
	member = await aPerson(db);
});
afterAll(async () => app?.close());

describe('a news item with a picture', () => {
	let id: string;

	it('is published with its picture, described in each language it is written in, on its own page, in the API, the feed and JSON-LD', async () => {
		const picture = await aPicture(1200, 675);
		const created = await postAnnouncement(
			ctxOf(coordinator),
			slug,
			{
				subject: { fr: 'Visite du port de Tanger Med', ar: 'زيارة ميناء طنجة المتوسط' },
				body: { fr: 'Vingt ingénieurs ont visité le port.', ar: 'زار عشرون مهندسا الميناء.' },
				imageAlt: { fr: 'Des ingénieurs devant les grues du port', ar: 'مهندسون أمام رافعات الميناء' },
				publish: 'on'
			},
			queue,
			picture
		);
		id = created.id;
		// kept as made again: WebP, as wide as it was (under 1,600 pixels), and a small version for lists; what was sent is recorded
		expect(created.image).toEqual({
			format: 'webp',
			width: 1200,
			height: 675,
			size: expect.any(Number),
			small: { width: 480, height: 270, size: expect.any(Number) },
			sent: { format: 'png', width: 1200, height: 675, size: picture.byteLength },
			alt: { fr: 'Des ingénieurs devant les grues du port', ar: 'مهندسون أمام رافعات الميناء' }
		});
		expect(created.imageKey).toMatch(/^talents\/news\/\d+-[0-9a-f-]{36}\.webp$/);
		expect(await pictures()).toEqual([created.imageKey]);

		const item = await getNewsItem(app.database.db, slug, id);
		const file = await newsImageFile(app.database.db, app.files, slug, id);
		expect(file.type).toBe('image/webp');
		expect(checkImage(file.bytes)).toEqual({ format: 'webp', width: 1200, height: 675, animated: false });
		expect(file.bytes.byteLength).toBe(created.image!.size);
		const small = await newsImageFile(app.database.db, app.files, slug, id, { size: 'small' });
		expect(small).toMatchObject({ type: 'image/webp', name: `${slug}-${id}-small.webp` });
		expect(checkImage(small.bytes)).toMatchObject({ width: 480, height: 270 });
		expect(small.etag).not.toBe(file.etag);
		expect(await refusal(newsImageFile(app.database.db, app.files, slug, id, { size: 'huge' }))).toMatchObject({ code: 'invalid_input' });

		const view = newsItemView(item, slug, 'https://sharaka.test/', 'ar');
		expect(view.url).toBe(`https://sharaka.test/ar/talents/networks/${slug}/news/${id}`);
		expect(view.image).toMatchObject({ type: 'image/webp', width: 1200, height: 675, alt: { ar: 'مهندسون أمام رافعات الميناء' }, small: { type: 'image/webp', width: 480, height: 270 } });
		expect(view.image!.url).toMatch(new RegExp(`^https://sharaka\\.test/api/v1/talents/networks/${slug}/news/${id}/image\\?v=[0-9a-z]+$`));
		expect(view.image!.small!.url).toMatch(new RegExp(`^https://sharaka\\.test/api/v1/talents/networks/${slug}/news/${id}/image\\?size=small&v=[0-9a-z]+$`));
		// the list gives the same
		expect(newsItemView((await listNews(app.database.db, slug)).items[0], slug, 'https://sharaka.test', 'fr')).toMatchObject({ id, image: { width: 1200 } });

		const jsonLd = newsJsonLd(item, 'Ingénieurs en Belgique', slug, 'https://sharaka.test', 'fr');
		expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: 'Visite du port de Tanger Med', inLanguage: 'fr', image: { '@type': 'ImageObject', width: 1200, height: 675, caption: 'Des ingénieurs devant les grues du port' } });

		const { network } = await getNetworkPage(app.database.db, slug);
		const xml = await newsFeed(app.database.db, network, 'fr', 'https://sharaka.test');
		expect(xml).toContain(`<link rel="alternate" type="text/html" href="https://sharaka.test/fr/talents/networks/${slug}/news/${id}"/>`);
		expect(xml).toMatch(new RegExp(`<link rel="enclosure" type="image/webp" length="${created.image!.size}" href="https://sharaka\\.test/api/v1/talents/networks/${slug}/news/${id}/image\\?v=`));
		const [audited] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'network_announcement.create'));
		expect(audited.after).toMatchObject({ announcementId: id, image: { key: created.imageKey, format: 'webp', width: 1200, height: 675, sent: { format: 'png' } } });
	});

	it('keeps none of what a phone wrote in the photograph (the place where it was taken), upright and at most 1,600 pixels wide', async () => {
		const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 200, g: 180, b: 150 } } })
			.withExif({ IFD0: { Make: 'PhoneMaker', Artist: 'Fatima Z.' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 46/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '5/1 48/1 0/1' } })
			.withMetadata({ orientation: 6 })
			.jpeg()
			.toBuffer();
		expect(await imageMetadata(photo)).toMatchObject({ exif: true, orientation: 6 });
		const created = await postAnnouncement(ctxOf(coordinator), slug, { subject: { fr: 'Atelier à Tanger' }, body: { fr: 'Photo de groupe.' }, imageAlt: { fr: 'Le groupe de l’atelier' }, publish: 'on' }, queue, photo);
		expect(created.image).toMatchObject({ format: 'webp', width: 1600, height: 2133, small: { width: 480, height: 640 }, sent: { format: 'jpeg', width: 4000, height: 3000 } });
		for (const size of ['page', 'small']) {
			const file = await newsImageFile(app.database.db, app.files, slug, created.id, { size });
			expect(await imageMetadata(file.bytes)).toMatchObject({ exif: false, xmp: false, iptc: false, orientation: null });
			const text = Buffer.from(file.bytes).toString('latin1');
			for (const trace of ['PhoneMaker', 'Fatima', 'GPS']) expect(text).not.toContain(trace);
		}
		// nothing of the file sent is kept
		for (const key of await storedKeys()) expect(Buffer.from((await app.files.get(key))!).toString('latin1')).not.toContain('PhoneMaker');
		await deleteAnnouncement(ctxOf(coordinator), slug, created.id);
	});

	it('refuses what is not a still picture of at most 5 MB, or a picture without its description, storing nothing', async () => {
		const before = { rows: await announcementCount(), keys: await storedKeys() };
		const text = { subject: { fr: 'Titre', en: 'Title' }, body: { fr: 'Texte', en: 'Text' }, publish: 'on' };
		const alt = { fr: 'Une photo', en: 'A photo' };
		const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
		expect(await refusal(postAnnouncement(ctxOf(coordinator), slug, { ...text, imageAlt: alt }, queue, svg))).toMatchObject({ code: 'unsupported_media_type', reason: 'image_not_picture', fields: ['image:field_invalid'] });
		expect(await refusal(postAnnouncement(ctxOf(coordinator), slug, { ...text, imageAlt: alt }, queue, aPdf({ text: 'x' })))).toMatchObject({ code: 'unsupported_media_type' });
		const huge = Buffer.concat([aJpeg(), Buffer.alloc(NEWS_IMAGE_MAX_BYTES)]);
		expect(await refusal(postAnnouncement(ctxOf(coordinator), slug, { ...text, imageAlt: alt }, queue, huge))).toMatchObject({ code: 'payload_too_large', reason: 'image_too_large' });
		// the description is required in each language written (here English is missing), and only those
		expect(await refusal(postAnnouncement(ctxOf(coordinator), slug, { ...text, imageAlt: { fr: 'Une photo' } }, queue, aWebp()))).toMatchObject({ code: 'invalid_input', fields: ['imageAlt.en:field_required'] });
		// a description in a language the announcement is not written in makes that language incomplete
		expect(await refusal(postAnnouncement(ctxOf(coordinator), slug, { ...text, imageAlt: { ...alt, ar: 'صورة' } }, queue, aWebp()))).toMatchObject({
			code: 'invalid_input',
			fields: ['subject.ar:field_required', 'body.ar:field_required']
		});
		// descriptions without their picture (a form sent back keeps the texts, not the file)
		expect(await refusal(postAnnouncement(ctxOf(coordinator), slug, { ...text, imageAlt: alt }, queue, null))).toMatchObject({ code: 'invalid_input', reason: 'image_missing', fields: ['image:field_required'] });
		// a bad picture and a missing text: one refusal lists both
		expect(await refusal(postAnnouncement(ctxOf(coordinator), slug, { subject: { fr: 'Titre' }, body: {}, imageAlt: { fr: 'x' } }, queue, svg))).toMatchObject({
			code: 'invalid_input',
			reason: 'image_not_picture',
			fields: ['body.fr:field_required', 'image:field_invalid']
		});
		// another network's coordinator, a member
		expect(await refusal(postAnnouncement(ctxOf(otherCoordinator), slug, { ...text, imageAlt: alt }, queue, aWebp()))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(postAnnouncement(ctxOf(member), slug, { ...text, imageAlt: alt }, queue, aWebp()))).toMatchObject({ code: 'forbidden' });
		expect({ rows: await announcementCount(), keys: await storedKeys() }).toEqual(before);
		// an announcement without a picture needs no description
		const plain = await postAnnouncement(ctxOf(coordinator), slug, text, queue);
		expect(plain.image).toBeNull();
		expect(await refusal(newsImageFile(app.database.db, app.files, slug, plain.id))).toMatchObject({ code: 'not_found' });
	});

	it('is changed, taken off or deleted only by the network’s coordinators, the old picture erased at once, audited', async () => {
		const db = app.database.db;
		const [first] = await pictures();
		const webp = aWebp();
		// the description in each language of the announcement (French and Arabic), and no other
		expect(await refusal(setNewsImage(ctxOf(coordinator), slug, id, webp, { imageAlt: { fr: 'Le port' } }))).toMatchObject({ code: 'invalid_input', fields: ['imageAlt.ar:field_required'] });
		expect(await refusal(setNewsImage(ctxOf(coordinator), slug, id, webp, { imageAlt: { fr: 'Le port', ar: 'الميناء', en: 'The port' } }))).toMatchObject({ fields: ['imageAlt.en:field_invalid'] });
		expect(await refusal(setNewsImage(ctxOf(coordinator), slug, id, new Uint8Array(), { imageAlt: { fr: 'Le port', ar: 'الميناء' } }))).toMatchObject({ code: 'invalid_input', reason: 'image_missing' });
		expect(await refusal(setNewsImage(ctxOf(otherCoordinator), slug, id, webp, { imageAlt: { fr: 'Le port', ar: 'الميناء' } }))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(setNewsImage(ctxOf(otherCoordinator), 'autre', id, webp, { imageAlt: { fr: 'Le port', ar: 'الميناء' } }))).toMatchObject({ code: 'not_found' });
		expect(await pictures()).toEqual([first]);

		const image = await setNewsImage(ctxOf(coordinator), slug, id, webp, { imageAlt: { fr: 'Le port', ar: 'الميناء' } });
		expect(image).toMatchObject({ format: 'webp', width: 1, height: 1, alt: { fr: 'Le port', ar: 'الميناء' } });
		const [second] = await pictures();
		expect(second).not.toBe(first);
		expect(second).toMatch(/\.webp$/);
		expect((await newsImageFile(db, app.files, slug, id)).type).toBe('image/webp');
		const [changed] = await db.select().from(auditEvent).where(eq(auditEvent.action, 'network_announcement.image'));
		expect(changed).toMatchObject({ actorUserId: coordinator.userId, before: { announcementId: id, image: { key: first } }, after: { announcementId: id, image: { key: second, format: 'webp' } } });

		// taken off the public page: neither the page nor the picture answers; the coordinators keep it
		await unpublishNews(ctxOf(coordinator), slug, id);
		expect(await refusal(getNewsItem(db, slug, id))).toMatchObject({ code: 'not_found' });
		expect(await refusal(newsImageFile(db, app.files, slug, id))).toMatchObject({ code: 'not_found' });

		expect(await refusal(removeNewsImage(ctxOf(otherCoordinator), slug, id))).toMatchObject({ code: 'forbidden' });
		await removeNewsImage(ctxOf(coordinator), slug, id);
		expect(await storedKeys()).toEqual([]);
		expect(await refusal(removeNewsImage(ctxOf(coordinator), slug, id))).toMatchObject({ code: 'not_found' });

		await setNewsImage(ctxOf(coordinator), slug, id, aJpeg(), { imageAlt: { fr: 'Le port', ar: 'الميناء' } });
		const [third] = await pictures();
		expect(await refusal(deleteAnnouncement(ctxOf(member), slug, id))).toMatchObject({ code: 'forbidden' });
		await deleteAnnouncement(ctxOf(coordinator), slug, id);
		expect(await storedKeys()).toEqual([]);
		expect(await db.select().from(networkAnnouncement).where(eq(networkAnnouncement.id, id))).toEqual([]);
		expect(await refusal(deleteAnnouncement(ctxOf(coordinator), slug, id))).toMatchObject({ code: 'not_found' });
		const deleted = (await db.select().from(auditEvent).where(eq(auditEvent.action, 'network_announcement.delete'))).find((event) => (event.before as { announcementId?: string }).announcementId === id);
		expect(deleted).toMatchObject({ before: { announcementId: id, subject: { fr: 'Visite du port de Tanger Med' }, image: { key: third, alt: { fr: 'Le port' } } } });
	});

	it('left behind by a deleted network or a failed form is removed by the retention job a day later', async () => {
		const db = app.database.db;
		const now = new Date();
		const kept = await postAnnouncement(ctxOf(coordinator), slug, { subject: { fr: 'Gardée' }, body: { fr: 'Texte' }, imageAlt: { fr: 'Photo' }, publish: 'on' }, queue, aJpeg());
		const old = `talents/news/${now.getTime() - NEWS_IMAGE_GRACE_MS - 60_000}-6b1f0b8e-7a43-4a5e-9b49-6f4f0d7a1c11.jpg`;
		const fresh = `talents/news/${now.getTime() - 60_000}-0c9e4c4e-52a4-4bb8-8f0a-1f3b8e9a2d22.png`;
		await app.files.put(old, aJpeg());
		await app.files.put(fresh, aJpeg());
		// a small version goes with its picture: kept while it is named, removed with the rest when it is not
		const oldSmall = old.replace(/\.jpg$/, '.small.webp');
		await app.files.put(oldSmall, aWebp());
		expect((await sweepNewsImages(db, app.files, now)).sort()).toEqual([old, oldSmall].sort());
		expect((await storedKeys()).sort()).toEqual([kept.imageKey!, smallImageKey(kept.imageKey!), fresh].sort());
		// the nightly job does it, and says how many in its audit event
		const later = new Date(now.getTime() + NEWS_IMAGE_GRACE_MS);
		const result = await applyTalentsRetention(contextFor(db, null, { files: app.files, now: () => later }));
		expect(result.newsImages).toBe(1);
		expect(await pictures()).toEqual([kept.imageKey]);
	});
});
