// Issue #17, rule 18: an initiative's communes come from Morocco's list (HCP codes), not free text — the
// partner form, the review's diff, the public page's data, the `commune` filter of the list and the API,
// and the IATI and table imports that read them back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import type { App } from '../../platform/app.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { moderationProposal } from '../../platform/moderation/moderation.table.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { approveProposal, proposeChange, proposeNewInitiative } from './moderation/moderation.service.ts';
import { readProposalForm } from './moderation/proposal-organisations.ts';
import { formFromInitiative, proposalFailure, proposalChoices } from './moderation/proposal-form.ts';
import { describeChange, diffInitiatives } from './moderation/diff.ts';
import { createInitiative, getInitiative, searchInitiatives } from './initiative.service.ts';
import { AtlasReadModel } from './atlas-read-model.ts';
import { InitiativeQuery } from './atlas.schemas.ts';
import { parseIatiFile } from './import/iati/parse.ts';
import { dryRunRow } from './import/tabular.ts';
import type { OrganisationMatcher } from './import/organisations.ts';
import { GET as list } from './routes/api/v1/initiatives/+server.ts';
import { communes } from '../../platform/geo/communes.ts';
import { GET as communesApi } from './routes/api/v1/atlas/communes/+server.ts';

const OUJDA = '02.411.01.23';
const AHFIR = '02.113.01.01';
const BNI_DRAR = '02.411.01.11';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
let partner: Actor;
let moderator: Actor;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	partner = (await aPerson(app.database.db, { email: 'partner@communes.test', role: 'partner', organisationSlugs: ['expertise-france'] })).actor;
	moderator = (await aPerson(app.database.db, { email: 'moderator@communes.test', role: 'moderator' })).actor;
}, 300_000);
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) data.append(key, one);
	return data;
}

const base = {
	title_fr: 'Accueil des migrants dans les communes de l’Oriental, test des communes',
	status: 'ongoing',
	themes: 'immigrant_integration',
	regions: 'MA-02',
	'sources.0.citation': 'Fiche projet, 2025'
};

async function submit(language: 'fr' | 'ar', fields: Record<string, string | string[]>, change?: { id: string; baseVersion: number }) {
	const ctx = contextFor(app.database.db, partner, { language });
	const read = await readProposalForm(ctx, form(fields));
	if (read.answer) throw new Error('the form was not read');
	try {
		const sent = change
			? await proposeChange(ctx, change.id, read.initiative, { baseVersion: change.baseVersion, comment: 'Communes précisées' })
			: (await proposeNewInitiative(ctx, read.initiative)).proposal!;
		return { ok: sent, errors: null };
	} catch (failure) {
		const answer = proposalFailure(language, failure, read.values) as unknown as { status: number; data: { errors: Record<string, string> } };
		return { ok: null, status: answer.status, errors: answer.data.errors };
	}
}

describe('communes in the partner form', () => {
	it('offers the communes of the provinces ticked (and those chosen elsewhere), named in the page’s language and filterable in French and Arabic', () => {
		// nothing ticked: no list of 1,503 communes to send
		expect(proposalChoices('ar', [], []).communes).toEqual([]);
		const groups = proposalChoices('ar', [], [], [], { provinces: ['MA-OUJ'], communes: [AHFIR] }).communes;
		const oujda = groups.find((group) => group.label === 'وجدة-أنجاد')!.choices.find((choice) => choice.value === OUJDA)!;
		expect(oujda.label).toBe('وجدة');
		expect(oujda.match).toContain('oujda');
		// every commune of Oujda-Angad, and Ahfir alone of Berkane, chosen before: a choice never disappears
		expect(groups.map((group) => [group.province, group.choices.length])).toEqual([
			['MA-BER', 1],
			['MA-OUJ', communes.filter((commune) => commune.provinceIso === 'MA-OUJ').length]
		]);
		expect(groups.find((group) => group.province === 'MA-BER')!.choices.map((choice) => choice.value)).toEqual([AHFIR]);
	});

	it('sends the communes ticked and the other places as text; approved, they are the initiative’s, with their provinces', async () => {
		const sent = await submit('fr', { ...base, communes: [OUJDA, AHFIR], otherPlaces: 'Douar Laaouinate' });
		expect(sent.errors).toBeNull();
		const [proposal] = await app.database.db.select().from(moderationProposal).where(eq(moderationProposal.id, sent.ok!.id));
		expect(proposal.data).toMatchObject({ communes: [OUJDA, AHFIR], otherPlaces: 'Douar Laaouinate' });
		// back into the form: the same boxes ticked, the same text
		const again = formFromInitiative(proposal.data as never);
		expect([again.communes, again.otherPlaces]).toEqual([[OUJDA, AHFIR], 'Douar Laaouinate']);

		const published = await approveProposal(contextFor(app.database.db, moderator), sent.ok!.id);
		const detail = await getInitiative(app.database.db, published.initiative.id);
		expect(detail.communes).toEqual([
			{ code: AHFIR, name: { fr: 'Ahfir', ar: 'أحفير' }, type: 'urban', provinceIso: 'MA-BER', lat: 34.956, lon: -2.105 },
			{ code: OUJDA, name: { fr: 'Oujda', ar: 'وجدة' }, type: 'urban', provinceIso: 'MA-OUJ', lat: 34.692, lon: -1.911 }
		]);
		expect(detail.otherPlaces).toBe('Douar Laaouinate');
		// a commune says where: its province and region are the initiative's too (the filters find it there)
		expect(detail.provinces.map((province) => province.iso).sort()).toEqual(['MA-BER', 'MA-OUJ']);
		expect(detail.regions.map((region) => region.iso)).toEqual(['MA-02']);

		// a change of communes: the review and the history show them by name, with their codes
		const change = await submit('fr', { ...formFromInitiative(proposal.data as never), communes: [OUJDA, BNI_DRAR] } as Record<string, string | string[]>, {
			id: published.initiative.id,
			baseVersion: 1
		});
		expect(change.errors).toBeNull();
		const [changed] = await app.database.db.select().from(moderationProposal).where(eq(moderationProposal.id, change.ok!.id));
		const communeChange = diffInitiatives(proposal.data, changed.data).find((entry) => entry.field === 'communes')!;
		const shown = describeChange('ar', communeChange);
		expect(JSON.stringify(shown)).toContain(`أحفير (${AHFIR})`);
		expect(JSON.stringify(shown)).toContain(`بني درار (${BNI_DRAR})`);
		expect(shown.label).toBe(translate('ar', 'atlas_moderation.field_communes'));
	});

	it('refuses a commune that is not in the list, on the commune field, in the page’s language', async () => {
		const before = (await app.database.db.select().from(moderationProposal)).length;
		const sent = await submit('ar', { ...base, communes: [OUJDA, '99.999.99.99'] });
		expect(sent.status).toBe(400);
		expect(Object.keys(sent.errors!)).toEqual(['communes']);
		expect((await app.database.db.select().from(moderationProposal)).length).toBe(before);
	});
});

describe('the commune filter', () => {
	const query = (over: Record<string, unknown>) => InitiativeQuery.parse({ pageSize: 100, ...over });

	beforeAll(async () => {
		const ctx = contextFor(app.database.db, null);
		await createInitiative(ctx, { slug: 'filtre-commune-oujda', title: { fr: 'Filtre commune Oujda' }, status: 'ongoing', communes: [OUJDA], sources: [{ citation: 'Test' }] });
		await createInitiative(ctx, { slug: 'filtre-commune-province', title: { fr: 'Filtre commune province seulement' }, status: 'ongoing', provinces: ['MA-OUJ'], sources: [{ citation: 'Test' }] });
		await createInitiative(ctx, { slug: 'filtre-commune-nationale', title: { fr: 'Filtre commune portée nationale' }, status: 'ongoing', nationalScope: true, sources: [{ citation: 'Test' }] });
	});

	it('finds the initiatives naming the commune (the database and the read model alike), national ones apart', async () => {
		const slugsOf = (result: { items: { slug: string }[] }) => result.items.map((item) => item.slug).filter((slug) => slug.startsWith('filtre-commune')).sort();
		const exclude = query({ commune: OUJDA, national: 'exclude' });
		expect(slugsOf(await searchInitiatives(app.database.db, exclude))).toEqual(['filtre-commune-oujda']);
		const include = query({ commune: OUJDA });
		expect(slugsOf(await searchInitiatives(app.database.db, include))).toEqual(['filtre-commune-nationale', 'filtre-commune-oujda']);
		const model = await AtlasReadModel.load(app.database.db);
		expect(slugsOf(model.search(exclude, []))).toEqual(['filtre-commune-oujda']);
		expect(slugsOf(model.search(include, []))).toEqual(['filtre-commune-nationale', 'filtre-commune-oujda']);
		// the province filter still finds the commune's initiative (its province is implied)
		expect(slugsOf(await searchInitiatives(app.database.db, query({ province: 'MA-OUJ', national: 'exclude' })))).toEqual(['filtre-commune-oujda', 'filtre-commune-province']);
	});

	it('is the API’s `commune` parameter, which refuses a code that names no commune', async () => {
		const event = (path: string) => {
			const url = new URL(`http://localhost${path}`);
			return { request: new Request(url), url, params: {}, locals: { language: 'en', user: null, audit: { actorUserId: null, actorLabel: null, channel: 'api' } } } as unknown as RequestEvent;
		};
		const response = await list(event(`/api/v1/initiatives?commune=${OUJDA}&national=exclude&pageSize=100`));
		expect(response.status).toBe(200);
		const body = (await response.json()) as { items: { slug: string }[] };
		expect(body.items.map((item) => item.slug)).toContain('filtre-commune-oujda');
		expect(body.items.map((item) => item.slug)).not.toContain('filtre-commune-province');
		expect((await list(event('/api/v1/initiatives?commune=Oujda'))).status).toBe(400);

		// the communes of the provinces asked, for the form's list (pickers.js) and partners' systems
		const answer = await communesApi(event('/api/v1/atlas/communes?province=MA-BER&province=MA-OUJ&lang=ar'));
		expect(answer.status).toBe(200);
		const body2 = (await answer.json()) as { provinces: { iso: string; name: { ar: string }; communes: { code: string; nameFr: string; nameAr: string; type: string }[] }[] };
		expect(body2.provinces.map((province) => province.iso)).toEqual(['MA-BER', 'MA-OUJ']);
		expect(body2.provinces[1].communes.find((commune) => commune.code === OUJDA)).toMatchObject({ nameFr: 'Oujda', nameAr: 'وجدة', type: 'urban' });
		expect(body2.provinces[1].communes).toHaveLength(communes.filter((commune) => commune.provinceIso === 'MA-OUJ').length);
		expect((await communesApi(event('/api/v1/atlas/communes?province=MA-XXX'))).status).toBe(400);
	});
});

describe('communes read back by the imports', () => {
	async function* chunks(text: string) {
		yield new TextEncoder().encode(text);
	}
	const iati = (locations: string) =>
		`<?xml version="1.0" encoding="UTF-8"?><iati-activities version="2.03"><iati-activity xml:lang="fr" default-currency="EUR">
			<iati-identifier>XM-TEST-COMMUNES-1</iati-identifier><reporting-org ref="XM-TEST" type="10"><narrative>Test</narrative></reporting-org>
			<title><narrative>Appui aux communes de l’Oriental</narrative></title><activity-status code="2"/>
			<activity-date type="1" iso-date="2024-01-01"/><recipient-country code="MA"/>${locations}</iati-activity></iati-activities>`;
	const location = (inner: string, ref = '') => `<location${ref ? ` ref="${ref}"` : ''}>${inner}</location>`;
	const name = (text: string) => `<name><narrative>${text}</narrative></name>`;

	it('IATI: a commune by its HCP code (dotted or nine digits), or by a name that designates one commune of the activity’s provinces', async () => {
		const parsed = await parseIatiFile(
			chunks(
				iati(
					location(`${name('Préfecture d’Oujda-Angad')}<administrative vocabulary="A4" level="0" code="MA"/>`, 'MA-OUJ') +
						location(`${name('Bni Drar')}`) +
						location(`${name('Ahfir')}<administrative vocabulary="HCP" level="3" code="021130101"/>`) +
						// two Ajdir in Morocco, none in the activity's places: not guessed
						location(name('Ajdir')) +
						location(name('Douar Laaouinate'))
				)
			),
			{ maxBytes: 1_000_000, maxActivities: 10 }
		);
		const [activity] = parsed.activities;
		expect(activity.activity!.input).toMatchObject({ provinces: ['MA-OUJ'], communes: [AHFIR, BNI_DRAR] });
		expect(activity.problems.filter((problem) => problem.code === 'location_not_kept').map((problem) => problem.values?.name)).toEqual(['Ajdir', 'Douar Laaouinate']);
	});

	it('a table: codes or names (an older export’s free text) within the row’s places; the others go to the other places', () => {
		const mapping = ['title_fr', 'status', 'provinces', 'communes', 'other_places'];
		const row = dryRunRow(['Table', 'ongoing', 'MA-OUJ', `${AHFIR} | Bni Drar, وجدة; Ajdir`, 'Quartier Al Qods'], mapping, {} as OrganisationMatcher);
		expect(row.draft!.input).toMatchObject({ communes: [AHFIR, BNI_DRAR, OUJDA], otherPlaces: 'Quartier Al Qods, Ajdir' });
	});
});
