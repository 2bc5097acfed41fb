// The public Atlas's cached reads (src/platform/cache/revision-cache.ts, public-response-cache.ts):
// a visitor sees a change as soon as it is published, in every encoding; a signed-in person never
// gets the anonymous page; conditional requests are answered 304.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './api-client.ts';
import { server, t } from './harness.ts';

const { url } = server();
const { call, sessionCookie, tokenFor } = apiClient();
const stamp = Date.now();
const word = `cachecheck${stamp}`;
let moderatorToken: string;

beforeAll(async () => {
	moderatorToken = await tokenFor('moderator@demo.sharaka.ma', 'atlas cache spec');
});

async function publish(title: string) {
	const created = await call('POST', '/api/v1/initiatives', {
		token: moderatorToken,
		body: {
			initiative: {
				title: { fr: title },
				status: 'ongoing',
				regions: ['MA-04'],
				themes: ['research_data'],
				sources: [{ citation: 'Document de test e2e' }]
			}
		}
	});
	expect(created.status, created.text).toBe(201);
}

describe('cached Atlas reads', () => {
	it('show a new initiative to the next visitor, in the API and on the list page, in every encoding', async () => {
		const listPath = `/api/v1/initiatives?q=${word}`;
		for (const encoding of ['br', 'gzip', 'identity']) {
			const before = await call('GET', listPath, { headers: { 'accept-encoding': encoding } });
			expect(before.status).toBe(200);
			expect(before.json.total).toBe(0);
		}
		const page = await fetch(url(`/fr/atlas?q=${word}`));
		expect(await page.text()).not.toContain(`Étude ${word}`);

		await publish(`Étude ${word}`);

		for (const encoding of ['br', 'gzip', 'identity']) {
			const after = await call('GET', listPath, { headers: { 'accept-encoding': encoding } });
			expect(after.json.total, encoding).toBe(1);
			expect(after.headers.get('content-encoding') ?? 'identity', encoding).toBe(encoding);
		}
		const pageAfter = await fetch(url(`/fr/atlas?q=${word}`));
		expect(await pageAfter.text()).toContain(`Étude ${word}`);
		const stats = await call('GET', `/api/v1/atlas/stats?by=region&q=${word}`);
		expect(stats.json.rows.find((row: { key: string }) => row.key === 'MA-04').count).toBe(1);
	});

	it('keep the security headers and answer a conditional request with 304', async () => {
		const first = await fetch(url('/fr/atlas'));
		await first.text();
		const again = await fetch(url('/fr/atlas'));
		await again.text();
		expect(again.headers.get('content-security-policy')).toContain("script-src 'self'");
		const etag = again.headers.get('etag');
		expect(etag).toBeTruthy();
		const conditional = await fetch(url('/fr/atlas'), { headers: { 'if-none-match': etag! } });
		expect(conditional.status).toBe(304);
	});

	it('never serve the anonymous page to a signed-in person, nor theirs to a visitor', async () => {
		const anonymous = await (await fetch(url('/fr/atlas'))).text();
		expect(anonymous).toContain(t('fr', 'common.nav_sign_in'));
		const cookie = await sessionCookie('moderator@demo.sharaka.ma');
		const signedIn = await (await fetch(url('/fr/atlas'), { headers: { cookie } })).text();
		expect(signedIn).not.toContain(`>${t('fr', 'common.nav_sign_in')}<`);
		const anonymousAgain = await (await fetch(url('/fr/atlas'))).text();
		expect(anonymousAgain).toContain(t('fr', 'common.nav_sign_in'));
	});
});
