// Test helpers: read server-rendered component HTML without a DOM library.
// Svelte's output is regular (double-quoted attributes, no unclosed elements), which these rely on.

export type Tag = { name: string; attrs: Record<string, string>; start: number; end: number };

const START_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*(\/?)>/g;
const ATTR = /([^\s=/>]+)(?:="([^"]*)")?/g;

export function decode(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}

/** Every start tag (optionally of one element name), with its decoded attributes. */
export function tags(html: string, name?: string): Tag[] {
	const out: Tag[] = [];
	for (const m of html.matchAll(START_TAG)) {
		if (name && m[1] !== name) continue;
		const attrs: Record<string, string> = {};
		for (const a of m[2].matchAll(ATTR)) attrs[a[1]] = decode(a[2] ?? '');
		out.push({ name: m[1], attrs, start: m.index!, end: m.index! + m[0].length });
	}
	return out;
}

export function hasClass(tag: Tag, className: string): boolean {
	return (tag.attrs.class ?? '').split(/\s+/).includes(className);
}

/** Start tags of `name` carrying `className`. */
export function byClass(html: string, name: string, className: string): Tag[] {
	return tags(html, name).filter((t) => hasClass(t, className));
}

/** The HTML inside an element (up to its matching end tag). */
export function inner(html: string, tag: Tag): string {
	const open = new RegExp(`<${tag.name}[\\s>/]|</${tag.name}>`, 'g');
	open.lastIndex = tag.end;
	let depth = 1;
	for (let m = open.exec(html); m; m = open.exec(html)) {
		depth += m[0].startsWith('</') ? -1 : 1;
		if (depth === 0) return html.slice(tag.end, m.index);
	}
	throw new Error(`<${tag.name}> at ${tag.start} is not closed`);
}

/** Text content: tags and comments removed, entities decoded, spaces collapsed. */
export function text(html: string): string {
	return decode(html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ' '))
		.replace(/[ \t\r\n]+/g, ' ')
		.trim();
}
