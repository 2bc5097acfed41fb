// Issue #17 rule 12: one slug rule for every path (moderator, proposal approval, import): always valid
// (no "--", no trailing hyphen, ≤ 80 characters) and unique, so identical titles never get stuck.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../../../platform/testing/people.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import type { InitiativeInput } from '../atlas.schemas.ts';
import { createInitiative, createInitiatives } from '../initiative.service.ts';
import { slugify, slugWithSuffix } from '../../../platform/text/slug.ts';

let app: TestApp;
const valid = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const input = (title: string, slug?: string): InitiativeInput => ({ title: { fr: title }, status: 'ongoing', sources: [{ citation: 'Test' }], ...(slug ? { slug } : {}) });

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
});
afterAll(async () => {
	await app.close();
});

describe('initiative slugs', () => {
	it('never makes "--" when the cut falls on a hyphen', () => {
		// 77 letters then a hyphen: the old rule cut at 76 (or 78) and added "-2" → "…--2"
		const base = slugify(`${'a'.repeat(77)} b ${'c'.repeat(10)}`);
		for (const n of [2, 10, 'a1b2c3d4']) {
			const slug = slugWithSuffix(base, n);
			expect(slug, String(n)).toMatch(valid);
			expect(slug.length).toBeLessThanOrEqual(80);
		}
	});

	it('gives identical titles distinct valid slugs, in one batch and later on', async () => {
		const ctx = contextFor(app.database.db, null);
		const title = 'Administrative costs';
		const batch = await createInitiatives(ctx, [input(title), input(title), input(title)]);
		const later = await createInitiative(ctx, input(title));
		const slugs = [...batch.map((item) => item.slug), later.slug];
		expect(slugs).toEqual(['administrative-costs', 'administrative-costs-2', 'administrative-costs-3', 'administrative-costs-4']);

		const long = `${'a'.repeat(77)} b ${'c'.repeat(10)}`;
		const twice = await createInitiatives(ctx, [input(long), input(long)]);
		for (const item of twice) expect(item.slug).toMatch(valid);
		expect(new Set(twice.map((item) => item.slug)).size).toBe(2);
	});

	it('keeps a slug given explicitly, and a derived one steps aside for it', async () => {
		const ctx = contextFor(app.database.db, null);
		const made = await createInitiatives(ctx, [input('Mobilité des jeunes'), input('Autre titre', 'mobilite-des-jeunes')]);
		expect(made.map((item) => item.slug)).toEqual(['mobilite-des-jeunes-2', 'mobilite-des-jeunes']);
	});
});
