// The main picture of a network's news item (issue #11): sent by a coordinator with the announcement, checked by
// its content (a whole PNG, JPEG or WebP, still, at most 5 MB and 8,000 pixels a side), then made again by the
// platform's `resizeImage` (sharp) before anything is kept: at most 1,600 pixels wide for its page and 480 for the
// lists, upright, in WebP, with none of the file's metadata (EXIF, XMP, IPTC: where and when it was taken, the
// device, a name — what could put the people on it in danger). The file sent is never stored. Both versions are
// kept in the platform's file store outside the web root under `talents/news/` (`<key>` and its `.small.webp`
// beside it). They go with their announcement: replaced, removed or deleted with it at once; a picture nothing
// names any more (its network deleted, a form that failed after storing it) is removed by the nightly retention
// job a day later.
import { randomUUID } from 'node:crypto';
import { and, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError, type ErrorCode } from '../../platform/http/app-error.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { checkImage, imageExtensions, imageMediaTypes, type ImageFormat } from '../../platform/storage/image-check.ts';
import { resizeImage, type ResizedImage } from '../../platform/storage/image-resize.ts';
import { networkAnnouncement, type NewsImage } from './talents.table.ts';

export const NEWS_IMAGE_PREFIX = 'talents/news/';
export const NEWS_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** the longest side a picture may have (a phone's photograph is 4,000 to 6,000 pixels wide) */
export const NEWS_IMAGE_MAX_SIDE = 8000;
/** the widest a news item's picture is kept (its page shows it at most 50rem wide: 1,600 pixels for sharp screens) */
export const NEWS_IMAGE_WIDTH = 1600;
/** the widest its small version is kept, for the lists */
export const NEWS_IMAGE_SMALL_WIDTH = 480;
/** what ends the key of a picture's small version, beside its own key */
const SMALL_SUFFIX = '.small.webp';
/** the longest description of a picture */
export const NEWS_IMAGE_ALT_MAX = 300;
/** how long a stored picture nothing names is kept before the retention job removes it */
export const NEWS_IMAGE_GRACE_MS = 86_400_000;

/** Why a picture was refused: the form's message `network_news.image_error_<reason>`, the API's `details.reason`. */
export type NewsImageProblem = 'image_not_picture' | 'image_too_large' | 'image_animated' | 'image_too_wide' | 'image_missing';

const problemCodes: Record<NewsImageProblem, ErrorCode> = {
	image_not_picture: 'unsupported_media_type',
	image_too_large: 'payload_too_large',
	image_animated: 'invalid_input',
	image_too_wide: 'invalid_input',
	image_missing: 'invalid_input'
};

/** The checked picture, or why it is refused. */
export function checkNewsImage(bytes: Uint8Array): { format: ImageFormat; width: number; height: number; size: number } | { problem: NewsImageProblem } {
	if (bytes.byteLength > NEWS_IMAGE_MAX_BYTES) return { problem: 'image_too_large' };
	const image = checkImage(bytes);
	if (!image) return { problem: 'image_not_picture' };
	if (image.animated) return { problem: 'image_animated' };
	if (image.width > NEWS_IMAGE_MAX_SIDE || image.height > NEWS_IMAGE_MAX_SIDE) return { problem: 'image_too_wide' };
	return { format: image.format, width: image.width, height: image.height, size: bytes.byteLength };
}

/** A checked picture made again for keeping: the page's version and the lists' small one, both without metadata. */
export interface PreparedNewsImage {
	main: ResizedImage;
	small: ResizedImage;
	/** what was sent (its format, size in pixels and bytes), for the audit trail */
	sent: { format: ImageFormat; width: number; height: number; size: number };
}

/** Makes a checked picture again (`checkNewsImage` first); a picture the library cannot read whole is refused as not a picture. */
export async function prepareNewsImage(bytes: Uint8Array, sent: PreparedNewsImage['sent']): Promise<PreparedNewsImage> {
	try {
		const [main, small] = await Promise.all([resizeImage(bytes, NEWS_IMAGE_WIDTH, 82), resizeImage(bytes, NEWS_IMAGE_SMALL_WIDTH, 75)]);
		return { main, small, sent };
	} catch {
		throw imageRefusal('image_not_picture');
	}
}

/** The key of a picture's small version: beside its own. */
export const smallImageKey = (key: string) => key.replace(/\.[a-z]+$/, SMALL_SUFFIX);
/** The key of the picture a small version belongs to (itself for a picture's own key). */
const mainImageKey = (key: string) => (key.endsWith(SMALL_SUFFIX) ? `${key.slice(0, -SMALL_SUFFIX.length)}.webp` : key);

/** Keeps both versions of a prepared picture under its key. */
export async function storeNewsImage(files: FileStore, key: string, prepared: PreparedNewsImage) {
	await files.put(key, prepared.main.bytes);
	await files.put(smallImageKey(key), prepared.small.bytes);
}

/** Removes a picture and its small version (a picture kept before resizing has none: nothing to remove). */
export async function deleteNewsImage(files: FileStore, key: string) {
	await files.delete(key);
	if (key.endsWith('.webp')) await files.delete(smallImageKey(key));
}

/** What is recorded of a prepared picture (`network_announcement.image`, without its descriptions). */
export const newsImageRecord = (prepared: PreparedNewsImage) => ({
	format: prepared.main.format,
	width: prepared.main.width,
	height: prepared.main.height,
	size: prepared.main.size,
	small: { width: prepared.small.width, height: prepared.small.height, size: prepared.small.size },
	sent: prepared.sent
});

/** The refusal of a picture alone (its own status: 413 too large, 415 not a picture, else 400), on the field `image`. */
export function imageRefusal(problem: NewsImageProblem) {
	return new AppError(problemCodes[problem], { values: { limit: '5 MB' }, fields: [{ path: 'image', messageKey: 'field_invalid' }], extra: { reason: problem } });
}

/** A new key for a picture: when it was stored (for the sweep's grace period), then a random part, then its kind. */
export const newsImageKey = (format: ImageFormat, now: Date) => `${NEWS_IMAGE_PREFIX}${now.getTime()}-${randomUUID()}.${imageExtensions[format]}`;

/** The moment a picture's key was made (its first part), or null for a key of another shape. */
export function keyStoredAt(key: string): Date | null {
	const match = /^talents\/news\/(\d{10,})-/.exec(key);
	return match ? new Date(Number(match[1])) : null;
}

/** The media type a stored picture is served with. */
export const newsImageType = (image: Pick<NewsImage, 'format'>) => imageMediaTypes[image.format];

/** The store, where the request has one (a command or a test without one cannot take pictures). */
export function requireFiles(files: FileStore | null): FileStore {
	if (!files) throw new Error('No file store: pictures cannot be kept here.');
	return files;
}

/**
 * Removes the stored pictures of news nothing names any more, once they are a day old (a form stores its picture
 * just before its announcement is written): those of a network deleted with its announcements, or of a form that
 * failed after storing its picture. Returns the keys removed.
 */
export async function sweepNewsImages(db: DbOrTx, files: FileStore, now: Date): Promise<string[]> {
	const stored: string[] = [];
	for await (const key of files.list(NEWS_IMAGE_PREFIX)) stored.push(key);
	const removed: string[] = [];
	for (let start = 0; start < stored.length; start += 500) {
		const batch = stored.slice(start, start + 500);
		// a small version is named through its picture's key
		const keys = [...new Set(batch.map(mainImageKey))];
		const named = new Set(
			(await db.select({ key: networkAnnouncement.imageKey }).from(networkAnnouncement).where(and(isNotNull(networkAnnouncement.imageKey), inArray(networkAnnouncement.imageKey, keys)))).map((row) => row.key)
		);
		for (const key of batch) {
			const at = keyStoredAt(key);
			if (named.has(mainImageKey(key)) || (at && now.getTime() - at.getTime() < NEWS_IMAGE_GRACE_MS)) continue;
			await files.delete(key);
			removed.push(key);
		}
	}
	return removed;
}
