import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../../../platform/testing/people.ts';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import type { InitiativeInput } from '../atlas.schemas.ts';
import { exchangeRate } from '../atlas.table.ts';
import { atlasStats, createInitiative, getInitiative } from '../initiative.service.ts';
import { getExchangeRate, listExchangeRates, setExchangeRate } from './rates.service.ts';
import { atlasCache } from '../atlas-cache.ts';

let app: TestApp;
const moderator: Actor = { userId: 'moderator-1', role: 'moderator', organisationIds: [] };
const partner: Actor = { userId: 'partner-1', role: 'partner', organisationIds: [] };

const input = (slug: string, over: Partial<InitiativeInput> = {}): InitiativeInput => ({
	slug,
	title: { fr: `Initiative ${slug}` },
	status: 'completed',
	sources: [{ citation: 'Rapport' }],
	...over
});

const failure = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return `${error.code} ${error.fields.map((field) => `${field.path}:${field.messageKey}`).join(',')}`.trim();
		throw error;
	}
};

/** The budget figures of an initiative as the pages and the API show them. */
async function figures(slug: string) {
	const detail = await getInitiative(app.database.db, slug);
	return { eur: detail.budget.eur, mad: detail.budget.mad, contributions: detail.organisations.map((entry) => entry.amountEur) };
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	await createInitiative(contextFor(db, null), input('usd-2020', { startYear: 2020, budget: { total: 1_140_000, currency: 'USD' } }));
	await createInitiative(contextFor(db, null),
		input('usd-contributions-2020', {
			startYear: 2020,
			organisations: [
				{ organisation: 'giz', role: 'funder', amount: 570_000, currency: 'USD' },
				{ organisation: 'union-europeenne', role: 'funder', amount: 100_000, currency: 'EUR' }
			]
		})
	);
	await createInitiative(contextFor(db, null), input('eur-2020', { startYear: 2020, budget: { total: 500_000, currency: 'EUR' } }));
	await createInitiative(contextFor(db, null), input('chf-2021', { startYear: 2021, budget: { total: 2_000_000, currency: 'CHF' } }));
});
afterAll(async () => app?.close());

describe('the exchange-rate table', () => {
	it('lists the seeded rates, MAD first and newest first, as approximate until checked, with the dirham value of each', async () => {
		const { rates, unconverted } = await listExchangeRates(app.database.db);
		expect(rates[0]).toMatchObject({ currency: 'MAD', checked: false, madPerUnit: null, note: 'approximate annual average, to be checked' });
		expect(rates.findIndex((rate) => rate.currency === 'USD')).toBeGreaterThan(rates.findLastIndex((rate) => rate.currency === 'MAD'));
		const madYears = rates.filter((rate) => rate.currency === 'MAD').map((rate) => rate.year);
		expect(madYears).toEqual([...madYears].sort((a, b) => b - a));
		const usd2020 = rates.find((rate) => rate.currency === 'USD' && rate.year === 2020)!;
		const mad2020 = rates.find((rate) => rate.currency === 'MAD' && rate.year === 2020)!;
		expect(usd2020.madPerUnit).toBeCloseTo(mad2020.perEur / usd2020.perEur, 5);
		// A budget in francs has no rate: no EUR figure, and the table says so.
		expect(unconverted).toEqual([{ currency: 'CHF', initiatives: 1 }]);
		expect((await figures('chf-2021')).eur).toBeNull();
	});

	it('a new rate recomputes the stored EUR and MAD figures exactly as a newly written initiative gets them', async () => {
		const before = await figures('usd-2020');
		const result = await setExchangeRate(contextFor(app.database.db, moderator), { currency: 'usd', year: '2020' }, { perEur: 1.2, source: 'BCE, taux de référence, moyenne 2020', checked: true });
		expect(result).toMatchObject({ created: false, recomputed: 2, rate: { currency: 'USD', year: 2020, perEur: 1.2, checked: true } });
		const after = await figures('usd-2020');
		expect(after.eur).toBe(950_000);
		expect(after.eur).not.toBe(before.eur);
		// The same initiatives written now, with the new rate, get the same figures.
		await createInitiative(contextFor(app.database.db, null), input('usd-2020-fresh', { startYear: 2020, budget: { total: 1_140_000, currency: 'USD' } }));
		expect(await figures('usd-2020-fresh')).toEqual(after);
		const contributions = await figures('usd-contributions-2020');
		expect(contributions.contributions).toEqual([475_000, 100_000]);
		expect(contributions.eur).toBe(575_000);
		await createInitiative(contextFor(app.database.db, null),
			input('usd-contributions-2020-fresh', {
				startYear: 2020,
				organisations: [
					{ organisation: 'giz', role: 'funder', amount: 570_000, currency: 'USD' },
					{ organisation: 'union-europeenne', role: 'funder', amount: 100_000, currency: 'EUR' }
				]
			})
		);
		expect(await figures('usd-contributions-2020-fresh')).toEqual(contributions);
		// The statistics read the stored figures.
		const funders = await atlasStats(app.database.db, 'funder', { q: 'usd-contributions-2020' });
		expect(funders.rows.find((row) => row.key === 'giz')?.budgetEur).toBe(950_000);
		// An initiative in euros is left alone.
		expect((await figures('eur-2020')).eur).toBe(500_000);
	});

	it('a MAD rate changes every dirham figure of that year', async () => {
		const result = await setExchangeRate(contextFor(app.database.db, moderator), { currency: 'MAD', year: 2020 }, { perEur: 11, checked: false });
		expect(result.recomputed).toBeGreaterThanOrEqual(3);
		expect((await figures('eur-2020')).mad).toBe(5_500_000);
		expect((await figures('usd-2020')).mad).toBe(10_450_000);
		expect((await getExchangeRate(app.database.db, 'USD', 2020))?.madPerUnit).toBeCloseTo(11 / 1.2, 5);
	});

	it('adding a currency converts the budgets that had no EUR figure', async () => {
		const result = await setExchangeRate(contextFor(app.database.db, moderator), { currency: 'CHF', year: 2021 }, { perEur: 1.08, note: 'Moyenne annuelle' });
		expect(result).toMatchObject({ created: true, recomputed: 1, rate: { currency: 'CHF', year: 2021, checked: false, note: 'Moyenne annuelle' } });
		expect((await figures('chf-2021')).eur).toBe(1_851_851.85);
		expect((await listExchangeRates(app.database.db)).unconverted).toEqual([]);
	});

	it('invalidates the Atlas’s cached figures (the dashboard, list and stats caches)', async () => {
		const cache = atlasCache(app.database.db);
		const budgetOf = () => cache.read('rates-test:funders', () => atlasStats(app.database.db, 'funder', { q: 'usd-contributions-2020' }));
		const before = (await budgetOf()).rows.find((row) => row.key === 'giz')?.budgetEur;
		expect((await budgetOf()).rows.find((row) => row.key === 'giz')?.budgetEur).toBe(before);
		await setExchangeRate(contextFor(app.database.db, moderator), { currency: 'USD', year: 2020 }, { perEur: 1.14 });
		expect((await budgetOf()).rows.find((row) => row.key === 'giz')?.budgetEur).toBe(1_000_000);
		await setExchangeRate(contextFor(app.database.db, moderator), { currency: 'USD', year: 2020 }, { perEur: 1.2, source: 'BCE, taux de référence, moyenne 2020', checked: true });
		expect((await budgetOf()).rows.find((row) => row.key === 'giz')?.budgetEur).toBe(before);
	});

	it('audits each change with before and after', async () => {
		const events = await app.database.db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.resourceType, 'exchange_rate'), eq(auditEvent.resourceId, 'USD/2020')))
			.orderBy(asc(auditEvent.occurredAt), asc(auditEvent.id));
		expect(events).toHaveLength(3);
		expect(events[0]).toMatchObject({
			action: 'exchange_rate.update',
			before: { currency: 'USD', year: 2020, perEur: 1.14, checkedAt: null, note: 'approximate annual average, to be checked' },
			after: { currency: 'USD', year: 2020, perEur: 1.2, source: 'BCE, taux de référence, moyenne 2020', recomputedInitiatives: 2 }
		});
		const created = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, 'CHF/2021'));
		expect(created.map((event) => [event.action, event.before])).toEqual([['exchange_rate.create', null]]);
	});

	it('keeps a check while the rate and its source stay the same, and drops it when the rate changes', async () => {
		const checked = await getExchangeRate(app.database.db, 'USD', 2020);
		const again = await setExchangeRate(contextFor(app.database.db, moderator), { currency: 'USD', year: 2020 }, { perEur: 1.2, source: checked!.source, checked: true, note: 'vu' });
		expect(again.rate.checkedAt).toBe(checked!.checkedAt);
		expect(again.recomputed).toBe(0);
		const changed = await setExchangeRate(contextFor(app.database.db, moderator), { currency: 'USD', year: 2020 }, { perEur: 1.15, source: checked!.source, checked: false });
		expect(changed.rate).toMatchObject({ checked: false, checkedAt: null });
	});

	it('refuses bad input with the field at fault, and changes nothing', async () => {
		const db = app.database.db;
		const set = (currency: unknown, year: unknown, body: unknown) => failure(setExchangeRate(contextFor(db, moderator), { currency, year }, body));
		const rowsBefore = await db.select().from(exchangeRate);
		const auditBefore = (await db.select().from(auditEvent)).length;
		expect(await set('USD', 2020, { perEur: -1 })).toBe('invalid_input perEur:field_invalid');
		expect(await set('USD', 2020, { perEur: 0 })).toBe('invalid_input perEur:field_invalid');
		expect(await set('USD', 2020, {})).toBe('invalid_input perEur:field_required');
		expect(await set('EUR', 2020, { perEur: 1 })).toBe('invalid_input currency:field_invalid');
		expect(await set('XYZ', 2020, { perEur: 1 })).toBe('invalid_input currency:field_invalid');
		expect(await set('USD', 3000, { perEur: 1 })).toBe('invalid_input year:field_invalid');
		expect(await set('USD', 2020, { perEur: 1.1, checked: true })).toBe('invalid_input source:field_required');
		expect(await set('USD', 2020, { perEur: 1.1, source: 'x'.repeat(501) })).toBe('invalid_input source:field_too_long');
		expect(await db.select().from(exchangeRate)).toEqual(rowsBefore);
		expect((await db.select().from(auditEvent)).length).toBe(auditBefore);
	});

	it('lets only moderators and administrators change a rate', async () => {
		expect(await failure(setExchangeRate(contextFor(app.database.db, partner), { currency: 'USD', year: 2020 }, { perEur: 2 }))).toBe('forbidden');
		expect(await failure(setExchangeRate(contextFor(app.database.db, null), { currency: 'USD', year: 2020 }, { perEur: 2 }))).toBe('unauthenticated');
		const administrator: Actor = { userId: 'admin-1', role: 'administrator', organisationIds: [] };
		expect(await failure(setExchangeRate(contextFor(app.database.db, administrator), { currency: 'USD', year: 2019 }, { perEur: 1.12 }))).toBe('ok');
	});
});
