import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { can } from '#platform/policy/policy.ts';
import { sizeText } from '#platform/http/body-limits.ts';
import { ImportRefusal, isImportRefusal, refusalMessage } from '#modules/atlas/import/refusal.ts';
import {
	createIatiImport,
	createTableImport,
	IMPORT_FILE_LIMIT,
	listImports,
	sniffKind
} from '#modules/atlas/import/import.service.ts';

export async function load({ url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const page = Math.max(1, Math.min(100_000, Number(url.searchParams.get('page')) || 1));
	return {
		list: await listImports(requestContext(app, locals), { page }),
		publishes: can(locals.actor, 'atlas.moderate'),
		limit: sizeText(IMPORT_FILE_LIMIT)
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const refused = (refusal: ImportRefusal) => fail(refusal.status, { errors: { file: refusalMessage(locals.language, refusal) } });
		let data: FormData;
		try {
			data = await request.formData();
		} catch {
			return refused(new ImportRefusal('file_empty'));
		}
		const file = data.get('file');
		if (!file || typeof file === 'string' || file.size === 0) return refused(new ImportRefusal('file_empty'));
		if (file.size > IMPORT_FILE_LIMIT) return refused(new ImportRefusal('file_too_large', { limit: sizeText(IMPORT_FILE_LIMIT) }));
		const kind = sniffKind(file.name, new Uint8Array(await file.slice(0, 512).arrayBuffer()));
		if (!kind) return refused(new ImportRefusal('file_type'));
		let id: string;
		try {
			id =
				kind === 'iati'
					? await createIatiImport(ctx, { fileName: file.name, body: file.stream() })
					: await createTableImport(ctx, {
							fileName: file.name,
							bytes: new Uint8Array(await file.arrayBuffer()),
							kind
						});
		} catch (failure) {
			if (isImportRefusal(failure)) return refused(failure);
			return formFailureFrom(locals.language, failure, new FormData());
		}
		redirect(303, `/${locals.language}/atlas/imports/${id}`);
	}
};
