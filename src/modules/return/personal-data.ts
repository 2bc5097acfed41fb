import { eq, inArray } from 'drizzle-orm';
import type { PersonalDataHooks } from '../../platform/kernel/manifest.ts';
import { reintegrationAction, reintegrationCase, reintegrationSurvey, returnChecklist } from './return.table.ts';

/**
 * What Return holds about a person: their saved checklist (answers about their return and the steps
 * ticked), their reintegration cases with plan and survey answers. Exported with `/api/v1/me/export`, erased with the account.
 */
export const returnPersonalData: PersonalDataHooks = {
	tables: [
		{ table: returnChecklist, userColumn: returnChecklist.userId, exportKey: 'returnChecklist' },
		{ table: reintegrationCase, userColumn: reintegrationCase.personUserId, exportKey: 'reintegrationCases' }
	],
	async export(db, actor) {
		const rows = await db.select().from(returnChecklist).where(eq(returnChecklist.userId, actor.userId));
		const cases = await db.select().from(reintegrationCase).where(eq(reintegrationCase.personUserId, actor.userId));
		const actions = cases.length ? await db.select().from(reintegrationAction).where(inArray(reintegrationAction.caseId, cases.map((row) => row.id))) : [];
		const surveys = cases.length ? await db.select().from(reintegrationSurvey).where(inArray(reintegrationSurvey.caseId, cases.map((row) => row.id))) : [];
		return {
			returnChecklist: rows.map((row) => ({ answers: row.answers, ticked: row.ticked, updatedAt: row.updatedAt.toISOString() })),
			// the returnee's right of access covers the whole case: consent, needs (with the case worker's notes) and plan
			reintegrationCases: cases.map((row) => ({
				operatorOrganisationId: row.operatorOrganisationId,
				consentPurpose: row.consentPurpose,
				consentAt: row.consentAt.toISOString(),
				returnDate: row.returnDate,
				hostCountry: row.hostCountry,
				scheme: row.scheme,
				regionCode: row.regionCode,
				provinceCode: row.provinceCode,
				commune: row.commune,
				householdSize: row.householdSize,
				needs: row.needs,
				plan: actions
					.filter((action) => action.caseId === row.id)
					.map((action) => ({ dimension: action.dimension, action: action.action, owner: action.owner, dueDate: action.dueDate, status: action.status })),
				// the sustainability survey's rounds: the raw answers and the scores computed from them, and the
				// answers saved to finish later (no date of answer, no scores)
				surveys: surveys
					.filter((survey) => survey.caseId === row.id && survey.answers)
					.map((survey) => ({
						round: survey.round,
						channel: survey.channel,
						answeredAt: survey.answeredAt?.toISOString() ?? null,
						answers: survey.answers,
						scores: { economic: survey.economicScore, social: survey.socialScore, psychosocial: survey.psychosocialScore, overall: survey.overallScore }
					})),
				createdAt: row.createdAt.toISOString()
			}))
		};
	},
	async erase(tx, userId) {
		const removed = await tx.delete(returnChecklist).where(eq(returnChecklist.userId, userId)).returning({ userId: returnChecklist.userId });
		// the plan's actions and the survey's rounds go with their case (cascade)
		const cases = await tx.delete(reintegrationCase).where(eq(reintegrationCase.personUserId, userId)).returning({ id: reintegrationCase.id });
		return { removed: [...(removed.length ? ['returnChecklist'] : []), ...(cases.length ? ['reintegrationCases'] : [])] };
	}
};
