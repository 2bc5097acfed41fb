import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { createIatiImport, getImport, importSummary } from '#modules/atlas/import/import.service.ts';
import { isImportRefusal, refusalResponse } from '#modules/atlas/import/refusal.ts';

const XML_TYPES = ['application/xml', 'text/xml', 'application/octet-stream'];

/** Reads an IATI activity file, sent as the body (XML) or as the `file` of a multipart form; answers its preview. */
export const POST = apiEndpoint(async ({ request, url, locals }) => {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	let body: ReadableStream<Uint8Array> | null;
	let fileName = url.searchParams.get('name') ?? 'iati.xml';
	if (type === 'multipart/form-data') {
		let data: FormData;
		try {
			data = await request.formData();
		} catch {
			throw new AppError('invalid_input', { fields: [{ path: 'file', messageKey: 'field_invalid' }] });
		}
		const file = data.get('file') ?? [...data.values()].find((value) => typeof value !== 'string');
		if (!file || typeof file === 'string') throw new AppError('invalid_input', { fields: [{ path: 'file', messageKey: 'field_required' }] });
		body = file.stream();
		fileName = file.name || fileName;
	} else if (type === '' || XML_TYPES.includes(type)) {
		body = request.body;
	} else {
		throw new AppError('unsupported_media_type');
	}
	if (!body) throw new AppError('invalid_input', { fields: [{ path: 'file', messageKey: 'field_required' }] });
	let id: string;
	try {
		id = await createIatiImport(ctx, { fileName, body });
	} catch (error) {
		if (isImportRefusal(error)) return refusalResponse(locals.language, error);
		throw error;
	}
	const detail = await getImport(ctx, id, { pageSize: 20_000 });
	return Response.json(
		{ ...importSummary(detail.import), activities: detail.activities },
		{ status: 201, headers: { location: `/api/v1/imports/${id}`, 'cache-control': 'no-store' } }
	);
});
