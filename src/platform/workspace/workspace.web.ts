// The web side of workspaces: what a module's page files call (they stay a few lines), and the forms'
// answers: `{ done }` for the notice to show, or the fields' messages with what was typed.
import { formAction, formLists, formValues } from '../http/form.ts';
import { forPage } from '../http/page.ts';
import type { RequestContext } from '../kernel/context.ts';
import { instantToLocalDateTime } from '../time-zone.ts';
import { direction, isLanguage, type Language } from '../i18n/languages.ts';
import {
	answerContribution,
	contributionDetail,
	listAnnouncements,
	listContributions,
	listMeetings,
	meetingDetail,
	postAnnouncement,
	recordMinutes,
	scheduleMeeting,
	submitContribution,
	workspaceHome,
	workspaceTitle,
	type Workspace
} from './workspace.service.ts';
import type { workspaceMeeting } from './workspace.table.ts';

type MeetingRow = typeof workspaceMeeting.$inferSelect;
const meetingSummary = (row: MeetingRow) => ({
	id: row.id,
	title: row.title,
	language: row.language,
	startsAt: row.startsAt.toISOString(),
	mode: row.mode,
	place: row.place,
	hasMinutes: !!row.minutes
});
const common = (workspace: Workspace, language: Language) => {
	const title = workspaceTitle(workspace, language);
	// the name's language when it is not the page's (a body named in French only, on an Arabic page)
	const foreign = title.lang !== language && isLanguage(title.lang);
	return {
		base: `/${language}${workspace.path}`,
		titleKey: workspace.titleKey,
		title: title.text,
		titleLang: foreign ? title.lang : undefined,
		titleDir: foreign ? direction(title.lang as Language) : undefined,
		topics: [...(workspace.topics ?? [])]
	};
};

export async function loadWorkspaceHome(ctx: RequestContext, workspace: Workspace) {
	const home = await forPage(workspaceHome(ctx, workspace));
	return {
		...common(workspace, ctx.language),
		manages: home.manages,
		organisations: home.organisations,
		announcements: home.announcements.map((row) => ({ ...row, publishedAt: row.publishedAt.toISOString() })),
		upcoming: home.upcoming.map(meetingSummary),
		past: home.past.map(meetingSummary),
		contributions: home.contributions.map(({ contribution, organisationName }) => ({ id: contribution.id, title: contribution.title, language: contribution.language, status: contribution.status, organisationName, submittedAt: contribution.submittedAt.toISOString() })),
		waitingAnswers: home.waitingAnswers
	};
}

export async function loadAnnouncements(ctx: RequestContext, workspace: Workspace) {
	const list = await forPage(listAnnouncements(ctx, workspace));
	return { ...common(workspace, ctx.language), manages: list.manages, items: list.items.map((row) => ({ ...row, publishedAt: row.publishedAt.toISOString() })) };
}

export async function loadMeetings(ctx: RequestContext, workspace: Workspace) {
	const list = await forPage(listMeetings(ctx, workspace));
	return { ...common(workspace, ctx.language), manages: list.manages, upcoming: list.upcoming.map(meetingSummary), past: list.past.map(meetingSummary) };
}

export async function loadMeeting(ctx: RequestContext, workspace: Workspace, id: string) {
	const found = await forPage(meetingDetail(ctx, workspace, id));
	const { meeting } = found;
	return {
		...common(workspace, ctx.language),
		manages: found.manages,
		held: found.held,
		meeting: { ...meetingSummary(meeting), agenda: meeting.agenda, minutes: meeting.minutes, minutesAt: meeting.minutesAt?.toISOString() ?? null, attendeeIds: meeting.attendeeOrganisationIds, localStart: instantToLocalDateTime(meeting.startsAt) },
		attendees: found.attendees,
		memberOrganisations: found.manages ? await workspace.allMemberOrganisations(ctx.db) : []
	};
}

export async function loadContributions(ctx: RequestContext, workspace: Workspace, status: string | null) {
	const list = await forPage(listContributions(ctx, workspace, status ?? undefined));
	return {
		...common(workspace, ctx.language),
		manages: list.manages,
		organisations: list.organisations,
		status,
		items: list.items.map(({ contribution, organisationName }) => ({ ...contribution, organisationName, submittedAt: contribution.submittedAt.toISOString(), answeredAt: contribution.answeredAt?.toISOString() ?? null }))
	};
}

export async function loadContribution(ctx: RequestContext, workspace: Workspace, id: string) {
	const found = await forPage(contributionDetail(ctx, workspace, id));
	const { contribution } = found;
	return {
		...common(workspace, ctx.language),
		manages: found.manages,
		contribution: { ...contribution, organisationName: found.organisationName, submittedAt: contribution.submittedAt.toISOString(), answeredAt: contribution.answeredAt?.toISOString() ?? null }
	};
}

const conflicts: Record<string, string> = { meeting_not_held: 'workspace.error_meeting_not_held' };

/** Runs a form's work: `{ done, sent }` (how many members were e-mailed, when any) on success; else the platform's form answer. */
function answer(ctx: RequestContext, data: FormData, work: () => Promise<unknown>, done: string) {
	return formAction(ctx.language, data, work, {
		conflicts,
		done: (result) => ({ done, sent: result && typeof result === 'object' && 'sent' in result ? Number((result as { sent: number }).sent) : null })
	});
}

const fields = (data: FormData) => {
	const values: Record<string, unknown> = formValues(data);
	const lists = formLists(data);
	for (const [name, items] of Object.entries(lists)) values[name] = items;
	return values;
};

export const workspaceActions = {
	announce: (ctx: RequestContext, workspace: Workspace, data: FormData) => answer(ctx, data, () => postAnnouncement(ctx, workspace, fields(data)), 'announced'),
	schedule: (ctx: RequestContext, workspace: Workspace, data: FormData) => answer(ctx, data, () => scheduleMeeting(ctx, workspace, fields(data)), 'scheduled'),
	minutes: (ctx: RequestContext, workspace: Workspace, id: string, data: FormData) =>
		answer(ctx, data, () => recordMinutes(ctx, workspace, id, { ...fields(data), attendees: data.getAll('attendees') }), 'minutes_saved'),
	contribute: (ctx: RequestContext, workspace: Workspace, data: FormData) => answer(ctx, data, () => submitContribution(ctx, workspace, fields(data)), 'contributed'),
	answer: (ctx: RequestContext, workspace: Workspace, id: string, data: FormData) => answer(ctx, data, () => answerContribution(ctx, workspace, id, fields(data)), 'answered')
};
