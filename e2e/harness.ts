// What every browser test uses: the running server (started once per run by e2e/global-setup.ts),
// Chromium through playwright-core, the axe-core scan, the outbox and the message catalogue.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { translate, hasMessage, MISSING_MARK, type MessageValues } from '#platform/i18n/translator.ts';
import { direction, type Language } from '#platform/i18n/languages.ts';
import { readOutbox } from './server.ts';

/** The server of this run: its address and its outbox. */
export function server() {
	const baseUrl = inject('baseUrl');
	const dataDir = inject('dataDir');
	return {
		baseUrl,
		/** the database the server runs on: 'postgresql' when DATABASE_URL is set */
		database: inject('database'),
		url: (path: string) => new URL(path, baseUrl).toString(),
		/** e-mails written so far, oldest first, decoded */
		outbox: () => readOutbox(dataDir).map(parseEmail)
	};
}

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export interface PageOptions {
	/** the browser's language (sets Accept-Language) */
	locale?: string;
	javaScriptEnabled?: boolean;
	/** another server than the run's (a spec that starts its own) */
	baseURL?: string;
	/** a phone's screen (360 × 740) rather than a desktop's */
	phone?: boolean;
	/** cookies to start with (a session kept from an earlier sign-in) */
	storageState?: BrowserContextOptions['storageState'];
}

// axe-core runs inside the page: it hangs on a page whose JavaScript is disabled.
const pagesWithoutScript = new WeakSet<Page>();

/** One Chromium for the whole run: the spec files share this module, and a launch costs a second or two each. */
let launched: Promise<Browser> | undefined;
async function sharedChromium(): Promise<Browser> {
	const running = await (launched ??= chromium.launch({ executablePath: chromiumPath, args: chromiumArgs }));
	if (running.isConnected()) return running;
	launched = undefined;
	return sharedChromium();
}

/**
 * The run's Chromium for a spec file; the pages the file opened are closed after it.
 * Each `newPage` opens a fresh context (its own cookies). A test that opens many pages, or runs concurrently with others, closes
 * its own: `onTestFinished(() => page.context().close())` with the hook from its test context.
 */
export function useBrowser() {
	let browser: Browser | undefined;
	const contexts = new Set<BrowserContext>();
	beforeAll(async () => {
		browser = await sharedChromium();
	});
	afterAll(async () => {
		await Promise.all([...contexts].map((context) => context.close().catch(() => undefined)));
		contexts.clear();
	});
	return {
		async newPage(options: PageOptions = {}): Promise<Page> {
			if (!browser) throw new Error('useBrowser(): the browser is not running (call newPage inside a test)');
			const contextOptions: BrowserContextOptions = {
				baseURL: options.baseURL ?? inject('baseUrl'),
				locale: options.locale ?? 'fr-MA',
				javaScriptEnabled: options.javaScriptEnabled ?? true,
				storageState: options.storageState,
				...(options.phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {})
			};
			const context = await browser.newContext(contextOptions);
			contexts.add(context);
			context.once('close', () => contexts.delete(context));
			// A missing element fails in seconds, not after Playwright's default 30 s.
			context.setDefaultTimeout(10_000);
			const page = await context.newPage();
			if (contextOptions.javaScriptEnabled === false) pagesWithoutScript.add(page);
			return page;
		}
	};
}

/** A UI text as the app shows it, from messages/<language>/<namespace>.json; fails clearly if the key is missing. */
export function t(language: Language, key: string, values?: MessageValues): string {
	if (!hasMessage(language, key)) throw new Error(`messages/${language}/${key.split('.')[0]}.json has no "${key.split('.').slice(1).join('.')}"`);
	return translate(language, key, values);
}

/** Escapes a text for use inside a RegExp (exact accessible names with anchors). */
export function exactly(text: string): RegExp {
	return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** `<html lang dir>` of the page. */
export async function htmlLangDir(page: Page): Promise<{ lang: string | null; dir: string | null }> {
	const html = page.locator('html');
	return { lang: await html.getAttribute('lang'), dir: await html.getAttribute('dir') };
}

export async function expectLanguage(page: Page, language: Language) {
	expect(await htmlLangDir(page)).toEqual({ lang: language, dir: direction(language) });
}

/** Signs in through the sign-in form of `language` (by labels and button name, as a person would). */
export async function signIn(page: Page, language: Language, email: string, password: string) {
	if (!new URL(page.url()).pathname.startsWith(`/${language}/account/sign-in`)) {
		await page.goto(`/${language}/account/sign-in`);
	}
	const main = page.getByRole('main');
	await main.getByLabel(t(language, 'account.email_label'), { exact: true }).fill(email);
	await main.getByLabel(t(language, 'account.password_label'), { exact: true }).fill(password);
	await main.getByRole('button', { name: t(language, 'account.sign_in_submit'), exact: true }).click();
}

/** The account menu of the header, in `language`. */
export function accountMenu(page: Page, language: Language) {
	return page.getByRole('navigation', { name: t(language, 'common.account_menu'), exact: true });
}

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Whether this run scans pages with axe-core, checks their phone width and language of parts, and saves
 * screenshots. `E2E_RENDER_CHECKS=off` leaves these out: CI sets it for its second run, on PostgreSQL, as the pages' HTML does not depend on the database
 * engine and the first run (PGlite) of the same commit scanned and shot every one of them.
 */
export const renderChecks = process.env.E2E_RENDER_CHECKS !== 'off';

/**
 * Whether this run saves the pages' screenshots (360 and 1280 px, `test-results/screenshots/`), which are for
 * people to look at: `E2E_SCREENSHOTS=off` leaves them out where nobody will (CI, whose clone is thrown away).
 */
export const savesScreenshots = renderChecks && process.env.E2E_SCREENSHOTS !== 'off';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's scan of the page (its document; the app has no frames: CSP frame-ancestors 'none'), the engine injected once
 * per document. @axe-core/playwright's AxeBuilder evaluated the engine's 550 KB twice per scan and, in its default mode,
 * opened a blank page (a new renderer) to merge frames' results: axe was most of a browser run's time.
 */
async function axeScan(page: Page): Promise<AxeResults> {
	// (not `'axe' in window`: an element with id="axe" would be window.axe)
	if (!(await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function'))) await page.evaluate(axeSource);
	// not with `resultTypes: ["violations"]`: its landmark-unique check then took sections of different names for duplicates
	return page.evaluate((tags) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } }), axeTags);
}

/** Runs axe-core (WCAG 2.1 A and AA) on the page; fails listing every violation readably. */
export async function expectNoAxeViolations(page: Page) {
	if (pagesWithoutScript.has(page)) throw new Error('axe-core needs JavaScript: scan a page opened with JavaScript enabled');
	if (!renderChecks) return;
	const started = performance.now();
	const results = await axeScan(page);
	// `E2E_AXE_LOG=file`: each scan's milliseconds and address, to see what a browser run spends on them
	if (process.env.E2E_AXE_LOG) fs.appendFileSync(process.env.E2E_AXE_LOG, `${(performance.now() - started).toFixed(0)} ${page.url()}\n`);
	const report = results.violations
		.map((violation) => {
			const nodes = violation.nodes
				.map((node) => `      at ${node.target.join(' ')}\n        ${(node.failureSummary ?? '').replace(/\n/g, '\n        ')}\n        ${node.html}`)
				.join('\n');
			return `  - [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
		})
		.join('\n');
	if (results.violations.length > 0) {
		throw new Error(`axe-core found ${results.violations.length} violation(s) on ${page.url()}:\n${report}`);
	}
}

/** The translator marks a missing message key with ⟦key⟧: no page may show one. */
export async function expectNoRawMessageKeys(page: Page) {
	const html = await page.content();
	const found = [...html.matchAll(new RegExp(`${MISSING_MARK}[^⟧<]*⟧?`, 'g'))].map((match) => match[0]);
	expect(found, `raw message keys on ${page.url()}`).toEqual([]);
}

export interface Email {
	to: string;
	subject: string;
	language: string | null;
	/** the plain-text part, decoded */
	text: string;
	/** the http(s) links of the plain-text part */
	links: string[];
}

/** Enough of MIME for the app's own messages (nodemailer: multipart/alternative, quoted-printable or base64). */
export function parseEmail(raw: string): Email {
	const [head] = raw.split(/\r?\n\r?\n/, 1);
	const headers = new Map<string, string>();
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	const text = plainTextPart(raw);
	return {
		to: headers.get('to') ?? '',
		subject: decodeWords(headers.get('subject') ?? ''),
		language: headers.get('content-language') ?? null,
		text,
		links: [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((match) => match[0])
	};
}

function plainTextPart(raw: string): string {
	const parts = raw.split(/\r?\n--[^\r\n]*\r?\n/);
	const plain = parts.find((part) => /^content-type:\s*text\/plain/im.test(part.split(/\r?\n\r?\n/, 1)[0])) ?? raw;
	const separator = plain.search(/\r?\n\r?\n/);
	const partHead = plain.slice(0, separator);
	const body = plain.slice(separator).replace(/^\r?\n\r?\n/, '');
	const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(partHead)?.[1].toLowerCase();
	if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
	if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	return body;
}

function decodeQuotedPrintable(body: string): string {
	const joined = body.replace(/=\r?\n/g, '');
	const bytes: number[] = [];
	for (let i = 0; i < joined.length; i++) {
		const hex = joined.slice(i + 1, i + 3);
		if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
			bytes.push(Number.parseInt(hex, 16));
			i += 2;
		} else {
			bytes.push(...Buffer.from(joined[i], 'utf8'));
		}
	}
	return Buffer.from(bytes).toString('utf8');
}

function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, kind: string, data: string) =>
			kind.toUpperCase() === 'B'
				? Buffer.from(data, 'base64').toString('utf8')
				: decodeQuotedPrintable(data.replace(/_/g, ' '))
		);
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dataDir: string;
		database: 'pglite' | 'postgresql';
	}
}

/**
 * Text of the page in another language than the page's, without a `lang` of its own: Arabic letters on a
 * French page; on an Arabic page, Latin words that are not codes, acronyms, addresses or numbers.
 */
export async function foreignTextWithoutLang(page: Page, language: Language): Promise<string[]> {
	return page.evaluate((pageLanguage) => {
		const found: string[] = [];
		const arabic = /[\u0600-\u06FF]/;
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			// a name isolated with U+2068…U+2069 (bdi's plain-text form) is set apart like <bdi>
			const text = (node.nodeValue ?? '').replace(/\u2068[^\u2069]*\u2069/g, ' ').trim();
			const element = node.parentElement;
			if (!text || !element || element.closest('script, style, [hidden], code, kbd, samp, pre, bdi, [dir="auto"], [unicode-bidi="isolate"], [translate="no"]')) continue;
			const own = (element.closest('[lang]')?.getAttribute('lang') ?? '').split('-')[0];
			if (pageLanguage === 'ar') {
				if (own !== 'ar') continue;
				const words = text
					.replace(/https?:\/\/\S+|\S+@\S+|\S+\.(?:ma|org|int|eu|de|fr|com)\S*|#[\w+]+|\S*[._]\S*/g, ' ')
					.split(/[^A-Za-zÀ-ÖØ-öø-ÿ'’-]+/)
					.filter((word) => /[a-zà-ÿ]{3,}/.test(word) && !/^[A-Z]/.test(word) && !/[._]/.test(word));
				if (words.length) found.push(text.slice(0, 80));
			} else if (own !== 'ar' && arabic.test(text)) {
				found.push(text.slice(0, 80));
			}
		}
		return found;
	}, language);
}

/**
 * Prose in another language than the page's laid out in the page's direction: a French sentence on an Arabic page
 * with `lang="fr"` but no `dir` shows its final full stop or parenthesis at the wrong end. Sentences only (40
 * characters or more, ending with punctuation): a name's direction is the browser's to settle.
 */
export async function proseInTheWrongDirection(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const rightToLeft = new Set(['ar', 'fa', 'he', 'ur']);
		const found: string[] = [];
		for (const element of document.body.querySelectorAll<HTMLElement>('[lang]')) {
			if (element.closest('script, style, [hidden], option, select')) continue;
			const lang = (element.getAttribute('lang') ?? '').split('-')[0];
			if (!lang) continue;
			const text = (element.textContent ?? '').trim();
			if (text.length < 40 || !/[.;:!?)]$/.test(text)) continue;
			const expected = rightToLeft.has(lang) ? 'rtl' : 'ltr';
			if (getComputedStyle(element).direction !== expected) found.push(`${lang}: ${text.slice(0, 60)}`);
		}
		return found;
	});
}

/**
 * On a 320 px phone nothing scrolls sideways, no text in another language than the page's lacks its own lang, and
 * no sentence in another language runs in the page's direction.
 * A render check like axe's: left out where those are (the HTML does not depend on the database engine).
 */
export async function expectPhoneWidthAndLanguageOfParts(page: Page, language: Language) {
	if (!renderChecks) return;
	const viewport = page.viewportSize();
	await page.setViewportSize({ width: 320, height: 720 });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `${page.url()} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
	expect(await foreignTextWithoutLang(page, language), `${page.url()}: text in another language without its lang`).toEqual([]);
	expect(await proseInTheWrongDirection(page), `${page.url()}: prose in another language laid out in the page's direction`).toEqual([]);
	if (viewport) await page.setViewportSize(viewport);
}
