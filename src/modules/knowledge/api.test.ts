import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/app.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { apiEvent } from '../../platform/testing/api-event.ts';
import { GET as list } from './routes/api/v1/knowledge/documents/+server.ts';
import { GET as one } from './routes/api/v1/knowledge/documents/[id]/+server.ts';
import { GET as cite } from './routes/api/v1/knowledge/documents/[id]/citation/+server.ts';
import { GET as events } from './routes/api/v1/knowledge/events/+server.ts';
import { GET as oneEvent } from './routes/api/v1/knowledge/events/[slug]/+server.ts';
import { POST as register } from './routes/api/v1/knowledge/events/[slug]/registrations/+server.ts';
import { GET as calendar } from './routes/[lang=lang]/knowledge/events/calendar/+server.ts';
import { GET as surveys } from './routes/api/v1/knowledge/surveys/+server.ts';
import { GET as surveyResultsApi } from './routes/api/v1/knowledge/surveys/[slug]/results/+server.ts';
import { createEvent } from './events/event.service.ts';
import { createSurvey } from './surveys/survey.service.ts';
import { GET as newsletters } from './routes/api/v1/knowledge/newsletters/+server.ts';
import { GET as oneIssue } from './routes/api/v1/knowledge/newsletters/[number]/+server.ts';
import { POST as oneClickUnsubscribe } from './routes/api/v1/knowledge/newsletters/unsubscribe/[token]/+server.ts';
import { createIssue, sendIssue, subscribe, subscriberCounts } from './newsletters/newsletter.service.ts';
import { newsletterSubscriber } from './newsletters/newsletter.table.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { GET as myProposalsApi } from './routes/api/v1/knowledge/proposals/+server.ts';
import { POST as withdrawalApi } from './routes/api/v1/knowledge/proposals/[id]/withdrawal/+server.ts';
import { proposeNew, requestChanges } from '../../platform/moderation/moderation.service.ts';
import { documentProposals } from './document.service.ts';

let app: TestApp;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('the Knowledge API', () => {
	it('lists, shows and cites the real documents; refuses an unknown format with the field and an unknown document with 404', async () => {
		const listed = await list(apiEvent(null, { search: '?type=guide' }));
		expect(listed.status).toBe(200);
		const body = await listed.json();
		expect(body.items.map((item: { slug: string }) => item.slug)).toEqual(['guide-intervenant-retour-urgence']);
		expect(body.facets.type.report).toBeGreaterThan(0);

		const shown = await one(apiEvent(null, { params: { id: 'guide-intervenant-retour-urgence' } }));
		expect(await shown.json()).toMatchObject({ type: 'guide', status: 'published', sources: [{ citation: expect.stringContaining('annexe 3.4') }] });

		const bib = await cite(apiEvent(null, { params: { id: 'guide-intervenant-retour-urgence' }, search: '?format=bibtex' }));
		expect(bib.headers.get('content-type')).toContain('application/x-bibtex');
		expect(bib.headers.get('content-disposition')).toContain('guide-intervenant-retour-urgence.bib');
		expect(await bib.text()).toMatch(/^@book\{guide_intervenant_retour_urgence,/);

		const wrong = await cite(apiEvent(null, { params: { id: 'guide-intervenant-retour-urgence' }, search: '?format=word', language: 'fr' }));
		expect(wrong.status).toBe(400);
		expect(JSON.stringify(await wrong.json())).toContain('format');
		expect((await one(apiEvent(null, { params: { id: 'nothing-here' } }))).status).toBe(404);
	});

	it('gives a document’s linked initiatives named in the request’s language, with their pages, and the earlier list of slugs', async () => {
		const french = await one(apiEvent(null, { params: { id: 'guide-intervenant-retour-urgence' }, language: 'fr' }));
		expect(french.headers.get('vary')).toBe('Accept-Language');
		expect(await french.json()).toMatchObject({
			links: [
				{
					link: 'atlas.initiative:sharaka-composante-4-reintegration-mre',
					kind: 'atlas.initiative',
					title: expect.stringContaining('SHARAKA, composante 4'),
					lang: 'fr',
					url: '/fr/atlas/initiatives/sharaka-composante-4-reintegration-mre',
					isSample: false
				}
			],
			initiatives: ['sharaka-composante-4-reintegration-mre']
		});
		const arabic = await (await one(apiEvent(null, { params: { id: 'lettre-information-sharaka-10' }, language: 'ar' }))).json();
		expect(arabic.links).toEqual([expect.objectContaining({ link: 'atlas.initiative:sharaka', title: expect.stringContaining('شراكة'), lang: 'ar', url: '/ar/atlas/initiatives/sharaka' })]);
	});

	it('lists past and upcoming events with their places, shows one, and registers a person (409 the second time, 400 without consent)', async () => {
		const past = await (await events(apiEvent(null, { search: '?when=past' }))).json();
		expect(past.items.map((item: { slug: string }) => item.slug)).toContain('evenement-final-sharaka-2017');
		expect(past.items.find((item: { slug: string }) => item.slug === 'evenement-final-sharaka-2017')).toMatchObject({ registration: null, isSample: false });
		expect((await events(apiEvent(null, { search: '?when=someday' }))).status).toBe(400);
		// the networks on annex 3.2's list of participants, named in the reader's language
		const final = await (await oneEvent(apiEvent(null, { params: { slug: 'evenement-final-sharaka-2017' }, language: 'ar' }))).json();
		expect(final.linked).toEqual([
			expect.objectContaining({ link: 'talents.network:reseau-competences-dmk-allemagne', title: 'شبكة الكفاءات DMK (ألمانيا)', lang: 'ar', url: expect.stringMatching(/\/ar\/talents\/networks\/reseau-competences-dmk-allemagne$/) }),
			expect.objectContaining({ link: 'talents.network:maroc-entrepreneurs', title: 'Maroc Entrepreneurs' })
		]);

		const editor = await aPerson(app.database.db, { role: 'moderator' });
		await createEvent(contextFor(app.database.db, editor.actor), { title: { fr: 'Journée des partenaires' }, startsAt: '2099-05-04T09:00', endsAt: '2099-05-04T17:00', place: 'Rabat', status: 'published', registrationOpen: 'on', capacity: '1' });
		const shown = await (await oneEvent(apiEvent(null, { params: { slug: 'journee-des-partenaires' } }))).json();
		expect(shown).toMatchObject({ title: { fr: 'Journée des partenaires' }, registration: { open: true, capacity: 1, confirmed: 0, waiting: 0, left: 1 } });
		expect((await oneEvent(apiEvent(null, { params: { slug: 'no-such-event' } }))).status).toBe(404);

		const person = { name: 'Fatou Diallo', email: 'fatou.diallo@example.org', category: 'civil_society_private_university', consent: true };
		const refused = await register(apiEvent(null, { method: 'POST', params: { slug: 'journee-des-partenaires' }, json: { ...person, consent: false } }));
		expect(refused.status).toBe(400);
		expect(JSON.stringify(await refused.json())).toContain('consent');
		const created = await register(apiEvent(null, { method: 'POST', params: { slug: 'journee-des-partenaires' }, json: person }));
		expect(created.status).toBe(201);
		expect(await created.json()).toMatchObject({ status: 'confirmed', code: expect.stringMatching(/^[A-Z2-9]{6}$/), registrationUrl: expect.stringContaining('/knowledge/events/registration/') });
		const again = await register(apiEvent(null, { method: 'POST', params: { slug: 'journee-des-partenaires' }, json: person }));
		expect(again.status).toBe(409);
		const waiting = await register(apiEvent(null, { method: 'POST', params: { slug: 'journee-des-partenaires' }, json: { ...person, email: 'awa.sow@example.org' } }));
		expect(await waiting.json()).toMatchObject({ status: 'waiting', code: null });
	});

	it('gives the upcoming events as one iCalendar feed, without the editors’ drafts even when an editor asks', async () => {
		const editor = await aPerson(app.database.db, { role: 'moderator' });
		await createEvent(contextFor(app.database.db, editor.actor), { title: { fr: 'Brouillon de colloque' }, startsAt: '2099-07-01T09:00', endsAt: '2099-07-01T12:00', place: 'Fès', status: 'draft' });
		const feed = await calendar(apiEvent(editor, { language: 'fr' }));
		expect(feed.headers.get('content-type')).toContain('text/calendar');
		const text = await feed.text();
		expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(text).toContain('SUMMARY:Journée des partenaires\r\n');
		expect(text).not.toContain('Brouillon de colloque');
		expect(text).not.toContain('SHARAKA');
		expect(text.match(/BEGIN:VEVENT/g)?.length).toBe(text.match(/END:VEVENT/g)?.length);
	});

	it('lists the published surveys and gives the results of a closed one with public results; a draft and open results are not found', async () => {
		const editorPerson = await aPerson(app.database.db, { email: 'surveys-api-editor@test.ma', role: 'member' });
		const editor = { ...editorPerson.actor, grants: [{ module: 'knowledge', role: 'editor', organisationId: null, scope: null }] };
		await createSurvey(contextFor(app.database.db, editor), { title: { fr: 'Brouillon d’enquête' } });
		const listed = await (await surveys(apiEvent(null))).json();
		const slugs = listed.items.map((item: { slug: string }) => item.slug);
		expect(slugs).toContain('evaluation-evenement-final-sharaka-2017');
		expect(slugs).not.toContain('brouillon-d-enquete');
		expect(listed.items.find((item: { slug: string }) => item.slug === 'evaluation-evenement-final-sharaka-2017')).toMatchObject({ state: 'closed', anonymous: true, resultsPublic: true, event: 'evenement-final-sharaka-2017' });

		const results = await surveyResultsApi(apiEvent(null, { params: { slug: 'evaluation-evenement-final-sharaka-2017' } }));
		expect(results.status).toBe(200);
		const body = await results.json();
		expect(body.questions).toHaveLength(9);
		expect(body.questions[0].reported).toMatchObject({ sum: 100, addsUp: true, fitsRespondents: 13 });
		expect(body.questions[5].reported).toMatchObject({ addsUp: false, fitsRespondents: null });
		expect((await surveyResultsApi(apiEvent(null, { params: { slug: 'brouillon-d-enquete' } }))).status).toBe(404);
	});

	it('gives the newsletter’s archive without drafts, one issue with its contents, and unsubscribes in one click by the key of the address', async () => {
		const editorPerson = await aPerson(app.database.db, { email: 'newsletter-api-editor@test.ma', role: 'member' });
		const editor = { ...editorPerson.actor, grants: [{ module: 'knowledge', role: 'editor', organisationId: null, scope: null }] };
		const ctx = contextFor(app.database.db, editor, { mailer: app.mailer });
		await createIssue(ctx, { title: { fr: 'Numéro envoyé' }, documents: ['guide-intervenant-retour-urgence'] });
		await sendIssue(ctx, 1);
		await createIssue(ctx, { title: { fr: 'Brouillon' } });
		const listed = await (await newsletters(apiEvent(null))).json();
		expect(listed.items.map((item: { number: number }) => item.number)).toEqual([1]);
		const issue = await (await oneIssue(apiEvent(null, { params: { number: '1' } }))).json();
		expect(issue.documents[0].url).toContain('/knowledge/documents/guide-intervenant-retour-urgence');
		expect((await oneIssue(apiEvent(null, { params: { number: '2' } }))).status).toBe(404);

		await subscribe(contextFor(app.database.db, null, { mailer: app.mailer }), { email: 'one-click@example.org', language: 'fr', consent: 'on' });
		const [row] = await app.database.db.select().from(newsletterSubscriber);
		// without the RFC 8058 body it is not a one-click request: refused, nothing changes
		expect((await oneClickUnsubscribe(apiEvent(null, { method: 'POST', params: { token: row.unsubscribeToken } }))).status).toBe(400);
		expect((await subscriberCounts(app.database.db)).pending).toBe(1);
		const answer = await oneClickUnsubscribe(apiEvent(null, { method: 'POST', params: { token: row.unsubscribeToken }, body: 'List-Unsubscribe=One-Click', contentType: 'application/x-www-form-urlencoded' }));
		expect(answer.status).toBe(200);
		expect((await subscriberCounts(app.database.db)).pending).toBe(0);
	});
	it('lists a proposer’s own proposals and withdraws one still waiting; a stale status is 409, another’s proposal 404, a member 403', async () => {
		const db = app.database.db;
		const partner = await aPerson(db, { role: 'partner' });
		const other = await aPerson(db, { role: 'partner' });
		const editor = await aPerson(db, { role: 'moderator' });
		const member = await aPerson(db, { role: 'member' });
		const { proposal } = await proposeNew(contextFor(db, partner), documentProposals, { title: { fr: 'Étude par l’API' }, type: 'study', externalUrl: 'https://example.org/api' });
		const listed = await myProposalsApi(apiEvent(partner));
		expect(listed.status).toBe(200);
		expect((await listed.json()).waiting).toEqual([expect.objectContaining({ id: proposal!.id, title: { fr: 'Étude par l’API' }, status: 'pending', withdrawable: true })]);
		expect((await (await myProposalsApi(apiEvent(other))).json()).waiting).toEqual([]);
		expect((await myProposalsApi(apiEvent(member))).status).toBe(403);

		const withdraw = (who: typeof partner, json?: unknown) => withdrawalApi(apiEvent(who, { method: 'POST', params: { id: proposal!.id }, json }));
		expect((await withdraw(other, { expectedStatus: 'pending' })).status).toBe(404);
		await requestChanges(contextFor(db, editor), documentProposals, proposal!.id, 'Précisez la source');
		const stale = await withdraw(partner, { expectedStatus: 'pending' });
		expect(stale.status).toBe(409);
		expect((await stale.json()).error.details).toMatchObject({ reason: 'stale_proposal', status: 'changes_requested' });
		const bad = await withdraw(partner, { expectedStatus: 'nothing' });
		expect(bad.status).toBe(400);
		expect(JSON.stringify(await bad.json())).toContain('expectedStatus');
		const done = await withdraw(partner, { expectedStatus: 'changes_requested' });
		expect(done.status).toBe(200);
		expect(await done.json()).toMatchObject({ id: proposal!.id, status: 'withdrawn' });
		// without a body: as it is; decided already
		const again = await withdrawalApi(apiEvent(partner, { method: 'POST', params: { id: proposal!.id } }));
		expect(again.status).toBe(409);
		expect((await again.json()).error.details).toMatchObject({ reason: 'not_pending' });
	});
});
