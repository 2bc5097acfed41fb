import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction, formFailureFrom } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import {
	addAgreementDocument,
	agreementHistory,
	documentAddress,
	getAgreementWithDocuments,
	removeAgreementDocument,
	updateAgreement
} from '#modules/jobs/placement/placement.service.ts';
import { addedRow, agreementFormChoices, agreementFormValues, agreementInputFrom, agreementRowFields } from '#modules/jobs/placement/placement-forms.ts';

/** The division edits an agreement, its documents, and reads its history. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	let found;
	try {
		found = await getAgreementWithDocuments(ctx, params.id);
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
	const { agreement, documents } = found;
	return {
		agreement: { id: agreement.id, title: agreement.title, lang: agreement.lang, status: agreement.status, isSample: agreement.isSample, source: agreement.source },
		values: agreementFormValues(agreement),
		documents: documents.map((document) => ({ id: document.id, kind: document.kind, title: document.title, public: document.public, fileName: document.fileName, bytes: document.bytes, href: documentAddress(agreement.id, document) })),
		history: await agreementHistory(ctx, agreement.id),
		choices: await agreementFormChoices(app.database.db, locals.language),
		done: url.searchParams.get('done')
	};
}

export const actions = {
	save: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const more = addedRow(data, agreementRowFields);
		if (more) return { values: more, errors: {} };
		try {
			await updateAgreement(ctx, params.id, agreementInputFrom(data));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/jobs/placement/agreements/${params.id}?done=saved`);
	},
	addDocument: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const sent = data.get('file');
		const file = sent instanceof File && sent.size > 0 ? { bytes: new Uint8Array(await sent.arrayBuffer()), name: sent.name } : null;
		return formAction(ctx.language, data, () => addAgreementDocument(ctx, params.id, { title: data.get('docTitle'), url: data.get('url'), public: data.get('public') }, file), {
			done: () => ({ document: 'added' }),
			// the document form's own fields
			adjust: (errors) => {
				if (errors.title) errors.docTitle = errors.title;
				delete errors.title;
			}
		});
	},
	removeDocument: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => removeAgreementDocument(ctx, params.id, String(data.get('documentId') ?? '')), { done: () => ({ document: 'removed' }) });
	}
};
