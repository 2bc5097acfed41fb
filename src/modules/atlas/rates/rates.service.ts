// The moderators' table of yearly exchange rates (units of a currency for one euro), which converts every
// budget and contribution of the Atlas to EUR and MAD. The converted figures are stored with the
// initiatives (initiative.budget_eur / budget_mad, initiative_organisation.amount_eur) for the lists,
// statistics and exports: a rate change recomputes them in the same transaction.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { exchangeRate } from '../atlas.table.ts';
import { loadRates, rateFor, toEur, type RateTable } from '../initiative.service.ts';
import { RateBody, RateParams } from './rates.schemas.ts';

type RateRow = typeof exchangeRate.$inferSelect;

export interface PublicRate {
	currency: string;
	year: number;
	perEur: number;
	/** dirhams for one unit of the currency that year (through the euro) */
	madPerUnit: number | null;
	source: string | null;
	note: string | null;
	checked: boolean;
	checkedAt: string | null;
	updatedAt: string;
}

function publicRate(row: RateRow, rates: RateTable): PublicRate {
	const perEur = Number(row.perEur);
	const mad = row.currency === 'MAD' ? null : rateFor(rates, 'MAD', row.year);
	return {
		currency: row.currency,
		year: row.year,
		perEur,
		madPerUnit: mad ? Math.round((mad / perEur) * 1e6) / 1e6 : null,
		source: row.source,
		note: row.note,
		checked: row.checkedAt !== null,
		checkedAt: row.checkedAt ? row.checkedAt.toISOString() : null,
		updatedAt: row.updatedAt.toISOString()
	};
}

/** Every rate (MAD first, then by currency; newest year first), and the currencies used without any rate. */
export async function listExchangeRates(db: DbOrTx) {
	const [rows, rates, unconverted] = await Promise.all([
		db.select().from(exchangeRate),
		loadRates(db),
		db.execute(sql`
			select currency, count(distinct initiative_id)::int as initiatives from (
				select id as initiative_id, upper(budget_currency) as currency from initiative where budget_currency is not null
				union all
				select initiative_id, upper(currency) from initiative_organisation where currency is not null and amount is not null
				union all
				select initiative_id, upper(currency) from initiative_yearly_amount
			) used
			where currency <> 'EUR' and currency not in (select currency from atlas_exchange_rate)
			group by currency order by initiatives desc, currency`) as unknown as Promise<{ rows: { currency: string; initiatives: number }[] }>
	]);
	rows.sort((a, b) => (a.currency === b.currency ? b.year - a.year : a.currency === 'MAD' ? -1 : b.currency === 'MAD' ? 1 : a.currency.localeCompare(b.currency)));
	return {
		rates: rows.map((row) => publicRate(row, rates)),
		unconverted: unconverted.rows.map((row) => ({ currency: String(row.currency), initiatives: Number(row.initiatives) }))
	};
}

export async function getExchangeRate(db: DbOrTx, currency: string, year: number): Promise<PublicRate | null> {
	const [row] = await db.select().from(exchangeRate).where(and(eq(exchangeRate.currency, currency), eq(exchangeRate.year, year)));
	return row ? publicRate(row, await loadRates(db)) : null;
}

/**
 * Sets the rate of a currency for a year (a new currency or year is added), marks it checked or not,
 * and recomputes the EUR/MAD figures it changes — one transaction, audited with before and after.
 */
export async function setExchangeRate(
	ctx: RequestContext,
	params: { currency: unknown; year: unknown },
	body: unknown
): Promise<{ rate: PublicRate; created: boolean; recomputed: number }> {
	ctx.require('atlas.rates.edit');
	const { currency, year } = parseOrThrow(RateParams, params);
	const data = parseOrThrow(RateBody, body);
	if (data.checked && !data.source) throw new AppError('invalid_input', { fields: [{ path: 'source', messageKey: 'field_required' }] });
	return ctx.transaction(async ({ db: tx, audit }) => {
		const [before] = await tx
			.select()
			.from(exchangeRate)
			.where(and(eq(exchangeRate.currency, currency), eq(exchangeRate.year, year)))
			.for('update');
		const now = ctx.now();
		// A check stands while the rate and its source stay the same.
		const keepCheck = before?.checkedAt && Number(before.perEur) === data.perEur && before.source === (data.source ?? null);
		const values = {
			perEur: data.perEur,
			source: data.source ?? null,
			note: data.note ?? null,
			checkedAt: data.checked ? (keepCheck ? before!.checkedAt : now) : null,
			updatedAt: now
		};
		const [row] = before
			? await tx
					.update(exchangeRate)
					.set(values)
					.where(and(eq(exchangeRate.currency, currency), eq(exchangeRate.year, year)))
					.returning()
			: await tx
					.insert(exchangeRate)
					.values({ currency, year, ...values })
					.returning();
		const recomputed = Number(before?.perEur) === data.perEur ? 0 : await recomputeBudgets(tx, currency);
		await recordAudit(tx, audit, {
			action: before ? 'exchange_rate.update' : 'exchange_rate.create',
			resourceType: 'exchange_rate',
			resourceId: `${currency}/${year}`,
			before: before ? auditView(before) : null,
			after: { ...auditView(row), recomputedInitiatives: recomputed }
		});
		return { rate: publicRate(row, await loadRates(tx)), created: !before, recomputed };
	});
}

function auditView(row: RateRow) {
	return {
		currency: row.currency,
		year: row.year,
		perEur: Number(row.perEur),
		source: row.source,
		note: row.note,
		checkedAt: row.checkedAt ? row.checkedAt.toISOString() : null
	};
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const same = (stored: unknown, computed: number | null) => (stored == null ? computed == null : computed != null && Number(stored) === computed);

/**
 * Recomputes the stored EUR/MAD figures that depend on `currency`'s rates, exactly as the initiative
 * service computes them when an initiative is written (initiative.service.ts, `prepare`): each amount
 * at the rate of the initiative's start year (else the year it was recorded), or of the nearest year
 * known; the total in EUR from the budget, else from the funders' contributions; MAD from EUR. A MAD
 * rate also changes every MAD figure. Leaves versions and dates alone (a derived figure, not an edit);
 * returns how many initiatives changed.
 */
export async function recomputeBudgets(tx: DbOrTx, currency: string): Promise<number> {
	const rates = await loadRates(tx);
	const result = (await tx.execute(sql`
		select i.id, coalesce(i.start_year, extract(year from i.created_at)::int) as rate_year,
			i.budget_total, i.budget_currency, i.budget_eur, i.budget_mad,
			coalesce((select json_agg(json_build_object('organisationId', io.organisation_id, 'role', io.role, 'amount', io.amount,
				'currency', io.currency, 'amountEur', io.amount_eur)) from initiative_organisation io where io.initiative_id = i.id), '[]'::json) as organisations
		from initiative i
		where upper(i.budget_currency) = ${currency}
			or exists (select 1 from initiative_organisation io where io.initiative_id = i.id and upper(io.currency) = ${currency})
			${currency === 'MAD' ? sql`or i.budget_eur is not null` : sql``}`)) as unknown as {
		rows: {
			id: string;
			rate_year: number;
			budget_total: string | number | null;
			budget_currency: string | null;
			budget_eur: string | number | null;
			budget_mad: string | number | null;
			organisations: { organisationId: string; role: string; amount: number | string | null; currency: string | null; amountEur: number | string | null }[] | string;
		}[];
	};
	const initiatives: { id: string; eur: number | null; mad: number | null }[] = [];
	const contributions: { initiativeId: string; organisationId: string; role: string; eur: number | null }[] = [];
	for (const row of result.rows) {
		const year = Number(row.rate_year);
		const organisations = typeof row.organisations === 'string' ? JSON.parse(row.organisations) : row.organisations;
		let changed = false;
		const funderEur: number[] = [];
		for (const entry of organisations as Exclude<typeof row.organisations, string>) {
			const amountEur = entry.amount != null && entry.currency ? toEur(rates, Number(entry.amount), entry.currency, year) : null;
			if (!same(entry.amountEur, amountEur)) {
				contributions.push({ initiativeId: row.id, organisationId: entry.organisationId, role: entry.role, eur: amountEur });
				changed = true;
			}
			if (entry.role === 'funder' && amountEur != null) funderEur.push(amountEur);
		}
		const eur =
			row.budget_total != null && row.budget_currency
				? toEur(rates, Number(row.budget_total), row.budget_currency, year)
				: funderEur.length
					? round2(funderEur.reduce((sum, value) => sum + value, 0))
					: null;
		const madRate = rateFor(rates, 'MAD', year);
		const mad = eur != null && madRate ? round2(eur * madRate) : null;
		if (changed || !same(row.budget_eur, eur) || !same(row.budget_mad, mad)) initiatives.push({ id: row.id, eur, mad });
	}
	for (let start = 0; start < initiatives.length; start += 500) {
		const values = sql.join(
			initiatives.slice(start, start + 500).map((entry) => sql`(${entry.id}::uuid, ${entry.eur}::numeric, ${entry.mad}::numeric)`),
			sql`, `
		);
		await tx.execute(sql`update initiative set budget_eur = v.eur, budget_mad = v.mad
			from (values ${values}) as v(id, eur, mad) where initiative.id = v.id`);
	}
	for (let start = 0; start < contributions.length; start += 500) {
		const values = sql.join(
			contributions.slice(start, start + 500).map((entry) => sql`(${entry.initiativeId}::uuid, ${entry.organisationId}::uuid, ${entry.role}::text, ${entry.eur}::numeric)`),
			sql`, `
		);
		await tx.execute(sql`update initiative_organisation io set amount_eur = v.eur
			from (values ${values}) as v(initiative_id, organisation_id, role, eur)
			where io.initiative_id = v.initiative_id and io.organisation_id = v.organisation_id and io.role = v.role`);
	}
	return initiatives.length;
}
