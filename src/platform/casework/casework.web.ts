// The web side of casework: what a caseload's page files call (they stay a few lines). Forms answer
// with `{ done }` (the notice to show) or a failure naming the form (`_form`), its values and messages.
import { error, fail, redirect } from '@sveltejs/kit';
import { translate } from '../i18n/translator.ts';
import { formFailureFrom, formValues, parseForm } from '../http/form.ts';
import { isAppError } from '../http/app-error.ts';
import type { RequestContext } from '../kernel/context.ts';
import { instantToLocalDateTime } from '../time-zone.ts';
import type { Caseload } from './caseload.ts';
import { forPage } from '../http/page.ts';
import { downloadResponse } from '../storage/file-check.ts';
import { addCaseNeed, myCaseNeeds, updateCaseNeed } from './case-needs.ts';
import { addCaseDocument, deleteCaseDocument, myCaseDocuments, readCaseDocument, readMyCaseDocument } from './case-documents.ts';
import { appointmentModes, appointmentStatuses, needStatuses, referralStatuses, type ReferralStatus } from './casework.model.ts';
import { ReferralForm } from './casework.schemas.ts';
import {
	addCaseNote,
	deleteCaseNote,
	listEntryReferrals,
	myCasework,
	planAppointment,
	refer,
	setAppointmentStatus,
	setReferralStatus,
	type CaseFile
} from './casework.service.ts';

/** The notices a page shows after a form of the file, or after the referral form brought it back. */
const fileNotices = ['note_added', 'note_deleted', 'appointment_planned', 'appointment_saved', 'referral_saved', 'referral_sent', 'document_added', 'document_deleted', 'need_added', 'need_saved'];

/** A refused document's reason → the message under the file field. */
const documentProblems: Record<string, string> = {
	document_empty: 'casework.error_document_empty',
	document_too_large: 'casework.error_document_too_large',
	document_type: 'casework.error_document_type',
	document_active_content: 'casework.error_document_active_content'
};

/** A file as its page shows it, with the lists its forms offer and the notice asked by the address. */
export function caseFilePage<File extends CaseFile>(ctx: RequestContext, caseload: Caseload, file: File, url: URL) {
	const done = url.searchParams.get('done') ?? '';
	return {
		file,
		modes: [...appointmentModes],
		needStatuses: [...needStatuses],
		// the kinds of needs the caseload keeps (none: the page has no needs' section), and their labels' namespace
		needKinds: [...(caseload.needs?.kinds ?? [])],
		needMessages: caseload.needs?.messages ?? '',
		statuses: [...appointmentStatuses],
		// a new appointment's field starts at tomorrow 10:00, Morocco time
		defaultStart: `${instantToLocalDateTime(new Date(ctx.now().getTime() + 24 * 3600_000)).slice(0, 10)}T10:00`,
		done: fileNotices.includes(done) ? done : ''
	};
}

/** A refused form: the person out of reach is a 404 page; known conflicts get their own message. */
function caseFormFailure(ctx: RequestContext, thrown: unknown, data: FormData) {
	if (isAppError(thrown) && thrown.code === 'not_found') error(404, 'not_found');
	if (isAppError(thrown) && thrown.extra?.reason === 'referral_transition') {
		return fail(409, { values: formValues(data), errors: { '': translate(ctx.language, 'casework.error_referral_transition') } });
	}
	const reason = isAppError(thrown) ? String(thrown.extra?.reason ?? '') : '';
	if (documentProblems[reason]) {
		return fail(isAppError(thrown) ? thrown.status : 400, { values: formValues(data), errors: { file: translate(ctx.language, documentProblems[reason]) } });
	}
	if (isAppError(thrown) && thrown.extra?.reason === 'in_the_past') {
		return fail(400, { values: formValues(data), errors: { startsAt: translate(ctx.language, 'casework.error_in_the_past') } });
	}
	return formFailureFrom(ctx.language, thrown, data);
}

async function run(ctx: RequestContext, data: FormData, work: () => Promise<unknown>, done: string) {
	try {
		await work();
	} catch (thrown) {
		return caseFormFailure(ctx, thrown, data);
	}
	return { done };
}

/** The forms of a person's file: each page action calls one with its context, caseload and person. */
const caseFileForms = {
	note: (ctx: RequestContext, caseload: Caseload, personId: string, data: FormData) =>
		run(ctx, data, () => addCaseNote(ctx, caseload, personId, { body: data.get('body') }), 'note_added'),
	deleteNote: (ctx: RequestContext, caseload: Caseload, personId: string, data: FormData) =>
		run(ctx, data, () => deleteCaseNote(ctx, caseload, personId, String(data.get('noteId') ?? '')), 'note_deleted'),
	appointment: (ctx: RequestContext, caseload: Caseload, personId: string, data: FormData) =>
		run(
			ctx,
			data,
			() => planAppointment(ctx, caseload, personId, { startsAt: data.get('startsAt'), mode: data.get('mode'), purpose: data.get('purpose') }),
			'appointment_planned'
		),
	appointmentStatus: (ctx: RequestContext, caseload: Caseload, personId: string, data: FormData) =>
		run(ctx, data, () => setAppointmentStatus(ctx, caseload, personId, String(data.get('appointmentId') ?? ''), { status: data.get('status') }), 'appointment_saved'),
	referralStatus: (ctx: RequestContext, caseload: Caseload, _personId: string, data: FormData) =>
		run(ctx, data, () => setReferralStatus(ctx, caseload, String(data.get('referralId') ?? ''), { status: data.get('status') }), 'referral_saved'),
	/** a multipart form: `file` and `kind` */
	document: (ctx: RequestContext, caseload: Caseload, personId: string, data: FormData) => {
		const file = data.get('file');
		const sent = file && typeof file !== 'string' ? file : null;
		const values = new FormData();
		values.set('_form', 'document');
		values.set('kind', String(data.get('kind') ?? ''));
		return run(
			ctx,
			values,
			async () => addCaseDocument(ctx, caseload, personId, { kind: data.get('kind'), fileName: sent?.name ?? '', bytes: sent ? new Uint8Array(await sent.arrayBuffer()) : new Uint8Array() }),
			'document_added'
		);
	},
	need: (ctx: RequestContext, caseload: Caseload, personId: string, data: FormData) =>
		run(ctx, data, () => addCaseNeed(ctx, caseload, personId, { kind: data.get('kind'), dueOn: data.get('dueOn'), note: data.get('note') }), 'need_added'),
	/** one need's row: `needId`, `status`, `dueOn`, `note` */
	needUpdate: (ctx: RequestContext, caseload: Caseload, personId: string, data: FormData) =>
		run(
			ctx,
			data,
			() => updateCaseNeed(ctx, caseload, personId, String(data.get('needId') ?? ''), { status: data.get('status'), dueOn: data.get('dueOn'), note: data.get('note') }),
			'need_saved'
		),
	deleteDocument: (ctx: RequestContext, caseload: Caseload, personId: string, data: FormData) =>
		run(ctx, data, () => deleteCaseDocument(ctx, caseload, personId, String(data.get('documentId') ?? '')), 'document_deleted')
};

/** What a file page's actions need from their request: its context, and the person whose file it is. */
type CaseFileEvent = { request: Request; params: Record<string, string>; locals: App.Locals };
type CaseFileFound = { ctx: RequestContext; personId: string };

/**
 * A file page's form actions, for a module's page file (it adds its own beside them): notes, appointments
 * and the referrals' next steps; the needs' forms when the caseload keeps needs; the documents' when the
 * page offers them. `find` gives the request's context and the person (the address may name a case).
 */
export function caseFilePageActions(caseload: Caseload, find: (event: CaseFileEvent) => Promise<CaseFileFound>, options: { documents?: boolean } = {}) {
	const run = (form: (typeof caseFileForms)[keyof typeof caseFileForms]) => async (event: CaseFileEvent) => {
		const { ctx, personId } = await find(event);
		return form(ctx, caseload, personId, await event.request.formData());
	};
	const { note, deleteNote, appointment, appointmentStatus, referralStatus, need, needUpdate, document, deleteDocument } = caseFileForms;
	return {
		note: run(note),
		deleteNote: run(deleteNote),
		appointment: run(appointment),
		appointmentStatus: run(appointmentStatus),
		referralStatus: run(referralStatus),
		...(caseload.needs ? { need: run(need), needUpdate: run(needUpdate) } : {}),
		...(options.documents ? { document: run(document), deleteDocument: run(deleteDocument) } : {})
	};
}

/** A document of the file, downloaded by the team's staff; out of reach is a 404. */
export async function caseDocumentDownload(ctx: RequestContext, caseload: Caseload, personId: string, documentId: string): Promise<Response> {
	const document = await forPage(readCaseDocument(ctx, caseload, personId, documentId));
	return downloadResponse(document.bytes, document.mediaType, document.fileName);
}

/** One of the person's own documents. */
export async function myCaseDocumentDownload(ctx: RequestContext, caseload: Caseload, documentId: string): Promise<Response> {
	const document = await forPage(readMyCaseDocument(ctx, caseload, documentId));
	return downloadResponse(document.bytes, document.mediaType, document.fileName);
}

/**
 * The referral form: sends the referral and goes back to the person's file (`filePath`) with its notice;
 * a missing agreement or entry, or an open referral to the same entry, comes back with its message.
 */
export async function sendReferralForm(ctx: RequestContext, caseload: Caseload, personId: string, data: FormData, filePath: string) {
	const parsed = parseForm(ctx.language, ReferralForm, data);
	if (!parsed.ok) {
		const errors = { ...parsed.failure.data.errors };
		if (errors.agreed) errors.agreed = translate(ctx.language, 'casework.error_agreement');
		if (errors.entryId) errors.entryId = translate(ctx.language, 'casework.error_entry');
		return fail(400, { values: parsed.failure.data.values, errors });
	}
	try {
		await refer(ctx, caseload, personId, { ...parsed.data, agreed: true });
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		if (isAppError(failure) && failure.extra?.reason === 'already_referred') {
			return fail(409, { values: formValues(data), errors: { '': translate(ctx.language, 'casework.error_already_referred') } });
		}
		return formFailureFrom(ctx.language, failure, data);
	}
	redirect(303, `${filePath}?done=referral_sent#referrals-title`);
}

/** The referrals to the entries of the actor's organisations, by status when `?status=` asks (the contact details shown are an audited read). */
export async function loadEntryReferrals(ctx: RequestContext, caseload: Caseload, url: URL) {
	const wanted = url.searchParams.get('status') ?? '';
	const status = (referralStatuses as readonly string[]).includes(wanted) ? (wanted as ReferralStatus) : undefined;
	const referrals = await listEntryReferrals(ctx, caseload, { status });
	return {
		status: status ?? '',
		statuses: [...referralStatuses],
		hasOrganisation: (ctx.actor?.organisationIds.length ?? 0) > 0,
		referrals: referrals.map(({ personId: _person, staffUserId: _staff, ...rest }) => rest)
	};
}

/** The entry's organisation answers a referral. */
export async function answerReferralForm(ctx: RequestContext, caseload: Caseload, data: FormData) {
	return run(ctx, data, () => setReferralStatus(ctx, caseload, String(data.get('referralId') ?? ''), { status: data.get('status') }), 'referral_saved');
}

/** The person's own appointments, referrals and documents (no staff ids). */
export async function loadMyCasework(ctx: RequestContext, caseload: Caseload) {
	const [mine, documents, needs] = await Promise.all([myCasework(ctx, caseload), myCaseDocuments(ctx, caseload), myCaseNeeds(ctx, caseload)]);
	return {
		documents,
		needs: needs.map(({ isSample: _sample, ...rest }) => rest),
		appointments: mine.appointments.map(({ isSample: _sample, ...rest }) => rest),
		referrals: mine.referrals.map(({ personId: _person, staffUserId: _staff, ...rest }) => rest)
	};
}
