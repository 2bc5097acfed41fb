// Safe, streaming reading of an IATI activity file. `saxes` (a SAX parser that never reads a DTD nor
// expands any entity but XML's five) takes the bytes as they come; any <!DOCTYPE> (hence any <!ENTITY>:
// external entities, "billion laughs") refuses the file at once, as do a body over the size limit, bytes
// that are not UTF-8 and XML that is not well formed. Each <iati-activity> is handed over as a small tree,
// then dropped, so memory follows one activity, not the file.
import { SaxesParser } from 'saxes';
import { ImportRefusal } from '../refusal.ts';
import { sizeText } from '../../../../platform/http/body-limits.ts';
import { ATLAS_NAMESPACE } from '../../export/iati/codes.ts';

export interface XmlNode {
	name: string;
	attrs: Record<string, string>;
	children: XmlNode[];
	text: string;
}

export interface IatiFileHeader {
	/** the root's `version` (absent in aggregator downloads) */
	version: string | null;
	/** the root's `xml:lang` (or a `default-language` some tools write) */
	language: string | null;
	/** the prefix the file binds to the Atlas's own namespace (files the Atlas exported), if any */
	atlasPrefix: string | null;
}

export interface ReadOptions {
	/** refuse the file beyond this many bytes (413) */
	maxBytes: number;
	/** refuse the file beyond this many activities */
	maxActivities: number;
}

/** Bounds on one activity, so that one enormous activity cannot exhaust memory. */
const MAX_NODES_PER_ACTIVITY = 20_000;
const MAX_TEXT_PER_NODE = 100_000;

/** What an activity too large to keep is replaced with (reported as critical). */
export const OVERSIZED = '#oversized';

type Chunks = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/**
 * The chunks of the file. When reading stops early (a refused file), a request body is never cancelled:
 * on a Node server cancelling destroys the request, and the connection closes before any answer. The
 * rest is read and dropped up to `drainLimit` bytes in all, so the answer follows the whole upload as
 * a client expects; beyond, the stream is let go, and the server discards what remains after answering
 * (SvelteKit drains unread bodies).
 */
async function* chunksOf(source: Chunks, drainLimit: number): AsyncGenerator<Uint8Array> {
	// A ReadableStream is async-iterable too, but leaving a `for await` over it cancels it: read it by hand.
	if (!(source instanceof ReadableStream)) {
		yield* source;
		return;
	}
	const reader = source.getReader();
	let read = 0;
	let done = false;
	try {
		for (;;) {
			const next = await reader.read();
			if (next.done) {
				done = true;
				return;
			}
			read += next.value.byteLength;
			yield next.value;
		}
	} finally {
		try {
			while (!done && read <= drainLimit) {
				const next = await reader.read();
				done = next.done;
				if (next.value) read += next.value.byteLength;
			}
		} catch {
			// the body failed (the client went away): nothing more to read
		}
		reader.releaseLock();
	}
}

/**
 * Reads the file, calling `onActivity` for each activity in order (1-based `position`). Throws an
 * ImportRefusal when the file as a whole cannot be read.
 */
export async function readIatiFile(
	source: Chunks,
	options: ReadOptions,
	onActivity: (node: XmlNode, position: number, header: IatiFileHeader) => void | Promise<void>
): Promise<{ header: IatiFileHeader; bytes: number; activities: number }> {
	const parser = new SaxesParser({ position: true });
	const header: IatiFileHeader = { version: null, language: null, atlasPrefix: null };
	let rootSeen = false;
	let activities = 0;
	let bytes = 0;
	// the activity being read: its stack of open elements, its node count
	let stack: XmlNode[] = [];
	let nodes = 0;
	let oversized = false;
	let depthOutside = 0;
	const finished: XmlNode[] = [];

	parser.on('doctype', () => {
		throw new ImportRefusal('xml_doctype');
	});
	parser.on('xmldecl', (declaration) => {
		const encoding = declaration.encoding?.trim().toLowerCase();
		if (encoding && encoding !== 'utf-8' && encoding !== 'utf8') throw new ImportRefusal('encoding', { encoding: declaration.encoding! });
	});
	parser.on('error', (error) => {
		throw new ImportRefusal('xml_malformed', { line: parser.line, column: parser.column, detail: error.message.split('\n')[0].slice(0, 200) });
	});
	parser.on('opentag', (tag) => {
		const attrs = tag.attributes as Record<string, string>;
		if (!rootSeen) {
			rootSeen = true;
			if (tag.name !== 'iati-activities') throw new ImportRefusal('xml_root', { root: tag.name.slice(0, 100) });
			header.version = attrs.version?.trim() || null;
			header.language = attrs['xml:lang']?.trim() || attrs['default-language']?.trim() || null;
			const binding = Object.entries(attrs).find(([name, value]) => name.startsWith('xmlns:') && value.trim() === ATLAS_NAMESPACE);
			header.atlasPrefix = binding ? binding[0].slice('xmlns:'.length) : null;
			if (header.version && !/^2\.0[1-3]$/.test(header.version)) throw new ImportRefusal('iati_version', { version: header.version.slice(0, 20) });
			return;
		}
		if (stack.length === 0) {
			if (tag.name !== 'iati-activity' || depthOutside > 0) {
				depthOutside++;
				return;
			}
			activities++;
			if (activities > options.maxActivities) throw new ImportRefusal('too_many_activities', { max: options.maxActivities });
			nodes = 0;
			oversized = false;
		}
		if (oversized) {
			stack.push(stack[stack.length - 1]);
			return;
		}
		const node: XmlNode = { name: tag.name, attrs, children: [], text: '' };
		if (++nodes > MAX_NODES_PER_ACTIVITY) {
			oversized = true;
			stack[0].children = [{ name: OVERSIZED, attrs: {}, children: [], text: '' }];
			stack.push(stack[stack.length - 1]);
			return;
		}
		stack[stack.length - 1]?.children.push(node);
		stack.push(node);
	});
	const onText = (text: string) => {
		const node = stack[stack.length - 1];
		if (!node || oversized) return;
		if (node.text.length < MAX_TEXT_PER_NODE) node.text += text.slice(0, MAX_TEXT_PER_NODE - node.text.length);
	};
	parser.on('text', onText);
	parser.on('cdata', onText);
	parser.on('closetag', () => {
		if (stack.length === 0) {
			if (depthOutside > 0) depthOutside--;
			return;
		}
		const node = stack.pop()!;
		if (stack.length === 0) finished.push(node);
	});

	const decoder = new TextDecoder('utf-8', { fatal: true });
	const decode = (chunk?: Uint8Array) => {
		try {
			return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
		} catch {
			throw new ImportRefusal('encoding', { encoding: '?' });
		}
	};
	const flush = async () => {
		for (const node of finished.splice(0)) {
			await onActivity(node, position++, header);
		}
	};
	let position = 1;
	// An XML file starts with "<" after an optional byte order mark and white space; anything else (a PNG
	// or a PDF renamed .xml) is "not an XML file", which says more than "not UTF-8" (issue #17 rule 19).
	let firstByteSeen = false;
	const checkStart = (chunk: Uint8Array) => {
		for (let index = 0; index < chunk.length && !firstByteSeen; index++) {
			const byte = chunk[index];
			if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
			if (bytes - chunk.byteLength + index < 3 && (byte === 0xef || byte === 0xbb || byte === 0xbf)) continue;
			firstByteSeen = true;
			if (byte !== 0x3c) throw new ImportRefusal('not_xml');
		}
	};
	for await (const chunk of chunksOf(source, options.maxBytes)) {
		bytes += chunk.byteLength;
		if (bytes > options.maxBytes) throw new ImportRefusal('file_too_large', { limit: sizeText(options.maxBytes) });
		if (!firstByteSeen) checkStart(chunk);
		parser.write(decode(chunk));
		await flush();
	}
	parser.write(decode());
	if (bytes === 0) throw new ImportRefusal('file_empty');
	parser.close();
	if (!rootSeen) throw new ImportRefusal('xml_malformed', { line: parser.line, column: parser.column, detail: 'no root element' });
	await flush();
	if (activities === 0) throw new ImportRefusal('no_activities');
	return { header, bytes, activities };
}

// ── Reading a tree ──────────────────────────────────────────────────────────

export const childrenNamed = (node: XmlNode, name: string) => node.children.filter((child) => child.name === name);
export const childNamed = (node: XmlNode, name: string) => node.children.find((child) => child.name === name);
export const attr = (node: XmlNode | undefined, name: string) => node?.attrs[name]?.trim() || null;
