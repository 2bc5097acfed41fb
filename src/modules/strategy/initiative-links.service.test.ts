import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason as refusal } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { backlinksTo, linkChoices } from '../../platform/kernel/links.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import { createNode, createStrategy } from './strategy.service.ts';
import {
	actionPage,
	decideInitiative,
	initiativesInRegion,
	initiativesOfStrategy,
	myProposals,
	proposalsWaiting,
	proposeInitiative,
	removeInitiative
} from './initiative-links.service.ts';
import { strategy } from './strategy.table.ts';
import { strategyPersonalData } from './personal-data.ts';

let app: TestApp;
let admin: Person;
let planner: Person;
let partner: Person;
let otherPartner: Person;
let member: Person;
let action: string;
let nationalAction: string;
let hiddenAction: string;
let initiatives: string[];
const sent: MailMessage[] = [];
const mailer = { send: async (message: MailMessage) => void sent.push(message) };
const withMail = { mailer, publicUrl: 'https://sharaka.test' };
const mailTo = (email: string) => sent.filter((message) => message.to === email);

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	admin = await aPerson(db, { role: 'administrator' });
	planner = await aPerson(db, { role: 'member', email: 'planificatrice@test.ma', locale: 'ar' });
	planner.actor.grants = [{ module: 'strategy', role: 'planner', organisationId: null, scope: 'chaine' }];
	partner = await aPerson(db, { role: 'partner', email: 'partenaire@test.ma' });
	otherPartner = await aPerson(db, { role: 'partner', email: 'autre@test.ma', locale: 'en' });
	member = await aPerson(db, { role: 'member' });
	const adminCtx = contextFor(db, admin);
	await createStrategy(adminCtx, { slug: 'chaine', title: { fr: 'Stratégie de la chaîne' }, country: 'MA', periodStart: 2020, periodEnd: 2027, status: 'active', published: true });
	await createStrategy(adminCtx, { slug: 'brouillon', title: { fr: 'Stratégie non publiée' }, country: 'MA', status: 'draft', published: false });
	const tree = async (slug: string, regions: string[], national = false) => {
		const ctx = contextFor(db, admin);
		const domain = await createNode(ctx, slug, { kind: 'domain', title: { fr: 'Emploi' } });
		const programme = await createNode(ctx, slug, { kind: 'programme', parentId: domain.id, title: { fr: 'Insertion' } });
		const objective = await createNode(ctx, slug, { kind: 'objective', parentId: programme.id, title: { fr: 'Accompagner' } });
		return (await createNode(ctx, slug, { kind: 'action', parentId: objective.id, title: { fr: `Guichets d’accueil ${regions.join(' ')}`, ar: 'شبابيك الاستقبال' }, regions, national })).id;
	};
	action = await tree('chaine', ['MA-02']);
	nationalAction = await tree('chaine', [], true);
	hiddenAction = await tree('brouillon', ['MA-02']);
	initiatives = (await linkChoices(db, 'atlas.initiative', 'fr')).filter((choice) => !choice.isSample).map((choice) => choice.value);
});
afterAll(async () => app?.close());

describe('initiatives on the ground for strategy actions', () => {
	it('a partner proposes an Atlas initiative; it waits for the planners and is not public yet', async () => {
		expect(initiatives.length).toBeGreaterThan(3);
		const db = app.database.db;
		const proposed = await proposeInitiative(contextFor(db, partner), action, { initiative: initiatives[0], note: 'Nos permanences à Oujda accueillent ces publics.' });
		expect(proposed.status).toBe('proposed');
		// the note's language is the page's it was written on (shown with it: language of parts)
		expect(proposed.noteLanguage).toBe('fr');
		// the public sees nothing yet; the proposer sees their proposal; the planner sees it to decide
		const visitor = await actionPage(contextFor(db, null), 'chaine', action);
		expect(visitor.initiatives).toEqual([]);
		expect(visitor.canPropose).toBe(false);
		expect((await actionPage(contextFor(db, partner), 'chaine', action)).initiatives.map((entry) => entry.status)).toEqual(['proposed']);
		const forPlanner = await actionPage(contextFor(db, planner), 'chaine', action);
		expect(forPlanner.planner).toBe(true);
		expect(forPlanner.choices.some((choice) => choice.value === initiatives[0])).toBe(false);
		const [owner] = await db.select().from(strategy).where(eq(strategy.slug, 'chaine'));
		expect((await proposalsWaiting(contextFor(db, planner), owner)).map((entry) => entry.initiative.value)).toEqual([initiatives[0]]);
		expect(await initiativesInRegion(db, 'MA-02', 'fr')).toEqual([]);
		const trail = await db.select().from(auditEvent).where(eq(auditEvent.action, 'strategy_initiative.propose'));
		expect(trail).toHaveLength(1);
		expect(trail[0].actorUserId).toBe(partner.actor.userId);
	});

	it('refuses what cannot be linked, and changes nothing', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, partner);
		expect(await refusal(proposeInitiative(ctx, action, { initiative: initiatives[0] }))).toBe('conflict:initiative_already_linked');
		expect(await refusal(proposeInitiative(ctx, action, { initiative: 'atlas.initiative:n-existe-pas' }))).toBe('invalid_input:initiative');
		expect(await refusal(proposeInitiative(ctx, action, { initiative: 'jobs.offer:x' }))).toBe('invalid_input:initiative');
		expect(await refusal(proposeInitiative(ctx, action, {}))).toBe('invalid_input:initiative');
		// a member without the partners' right; a strategy that is not published; a domain is no action
		expect(await refusal(proposeInitiative(contextFor(db, member), action, { initiative: initiatives[1] }))).toBe('forbidden:');
		expect(await refusal(proposeInitiative(ctx, hiddenAction, { initiative: initiatives[1] }))).toBe('not_found:');
		expect(await refusal(proposeInitiative(ctx, crypto.randomUUID(), { initiative: initiatives[1] }))).toBe('not_found:');
		expect(await refusal(actionPage(contextFor(db, null), 'brouillon', hiddenAction))).toBe('not_found:');
		expect(await refusal(actionPage(contextFor(db, null), 'autre-slug', action))).toBe('not_found:');
	});

	it('the planners accept or decline (with a reason), the proposer is told in their language', async () => {
		const db = app.database.db;
		const [first] = (await actionPage(contextFor(db, planner), 'chaine', action)).initiatives;
		// only the strategy's planners decide
		expect(await refusal(decideInitiative(contextFor(db, otherPartner), first.id, { decision: 'accept' }))).toBe('forbidden:');
		expect(await refusal(decideInitiative(contextFor(db, planner), first.id, { decision: 'decline' }))).toBe('invalid_input:reason');
		await decideInitiative(contextFor(db, planner, withMail), first.id, { decision: 'accept' });
		expect(await refusal(decideInitiative(contextFor(db, planner), first.id, { decision: 'decline', reason: 'Trop tard' }))).toBe('conflict:initiative_already_decided');
		const accepted = mailTo('partenaire@test.ma');
		expect(accepted.map((message) => message.language)).toEqual(['fr']);
		expect(accepted[0].subject).toMatch(/^Initiative acceptée/);
		expect(accepted[0].text).toContain(`https://sharaka.test/fr/strategy/chaine/actions/${action}`);

		const second = await proposeInitiative(contextFor(db, otherPartner), action, { initiative: initiatives[1] });
		await decideInitiative(contextFor(db, planner, withMail), second.id, { decision: 'decline', reason: 'Elle ne concerne pas l’accueil des migrants.' });
		const declined = mailTo('autre@test.ma');
		expect(declined.map((message) => message.language)).toEqual(['en']);
		expect(declined[0].subject).toMatch(/^Initiative not accepted/);
		expect(declined[0].text).toContain('Elle ne concerne pas l’accueil des migrants.');
		// declined once: not proposed again for the same action
		expect(await refusal(proposeInitiative(contextFor(db, partner), action, { initiative: initiatives[1] }))).toBe('conflict:initiative_declined');
		expect((await myProposals(db, otherPartner.actor.userId, 'fr')).map((entry) => [entry.status, entry.reason, entry.reasonLanguage])).toEqual([['declined', 'Elle ne concerne pas l’accueil des migrants.', 'fr']]);
	});

	it('a planner links directly; the region pages, the API and the initiative’s page show accepted ones only', async () => {
		const db = app.database.db;
		const linked = await proposeInitiative(contextFor(db, planner), nationalAction, { initiative: initiatives[2] });
		expect(linked.status).toBe('accepted');
		expect((await db.select().from(auditEvent).where(eq(auditEvent.action, 'strategy_initiative.link'))).length).toBe(1);
		const inOriental = await initiativesInRegion(db, 'MA-02', 'fr');
		expect(inOriental.map((entry) => entry.initiative.value).sort()).toEqual([initiatives[0], initiatives[2]].sort());
		// a national action's initiatives are on every region's page; a regional one only on its own
		expect((await initiativesInRegion(db, 'MA-01', 'fr')).map((entry) => entry.initiative.value)).toEqual([initiatives[2]]);
		const [owner] = await db.select().from(strategy).where(eq(strategy.slug, 'chaine'));
		const api = await initiativesOfStrategy(db, owner, 'fr', 'https://sharaka.test');
		expect(api.map((item) => [item.actionId, item.initiatives.map((entry) => entry.link)])).toEqual(
			expect.arrayContaining([
				[action, [initiatives[0]]],
				[nationalAction, [initiatives[2]]]
			])
		);
		expect(api).toHaveLength(2);
		expect(api[0].url).toMatch(/^https:\/\/sharaka\.test\/fr\/strategy\/chaine\/actions\//);
		// the Atlas initiative's page counts the actions it carries
		expect(await backlinksTo(db, initiatives[0])).toContainEqual(expect.objectContaining({ titleKey: 'strategy.actions_of_initiative', count: 1 }));
		expect((await backlinksTo(db, initiatives[1])).some((link) => link.titleKey === 'strategy.actions_of_initiative')).toBe(false);
	});

	it('a planner takes a link off; the trail keeps what it was', async () => {
		const db = app.database.db;
		const [entry] = (await actionPage(contextFor(db, planner), 'chaine', nationalAction)).initiatives;
		expect(await refusal(removeInitiative(contextFor(db, partner), entry.id))).toBe('forbidden:');
		await removeInitiative(contextFor(db, planner), entry.id);
		expect((await actionPage(contextFor(db, null), 'chaine', nationalAction)).initiatives).toEqual([]);
		const [removed] = await db.select().from(auditEvent).where(eq(auditEvent.action, 'strategy_initiative.remove'));
		expect((removed.before as { initiative: string }).initiative).toBe(initiatives[2]);
	});

	it('exports a person’s proposals and decisions, and forgets who they were on erasure', async () => {
		const db = app.database.db;
		const exported = (await strategyPersonalData.export(db, partner.actor)) as { strategyInitiativeProposals: { initiative: string; status: string }[] };
		expect(exported.strategyInitiativeProposals.map((row) => [row.initiative, row.status])).toEqual([[initiatives[0], 'accepted']]);
		const decided = (await strategyPersonalData.export(db, planner.actor)) as { strategyInitiativeDecisions: unknown[] };
		expect(decided.strategyInitiativeDecisions).toHaveLength(2);
		await db.transaction((tx) => strategyPersonalData.erase(tx, partner.actor.userId, new Date(), { files: null as never }));
		expect(await myProposals(db, partner.actor.userId, 'fr')).toEqual([]);
		// the link stays: a strategy's record, no longer naming the person
		expect((await actionPage(contextFor(db, null), 'chaine', action)).initiatives.map((entry) => entry.initiative.value)).toEqual([initiatives[0]]);
	});
});
