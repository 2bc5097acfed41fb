/**
 * Request bodies are small everywhere (BODY_SIZE_LIMIT, 1 MB by default) except on the routes that
 * receive files, which get UPLOAD_SIZE_LIMIT (6 MB by default: a 5 MB CV and the form around it).
 * A route listed here still checks each file's own limit and type itself.
 */
export const uploadRoutes: ReadonlySet<string> = new Set([
	'/api/v1/me/cv',
	'/[lang=lang]/jobs/profile/cv'
]);

/**
 * Atlas imports take larger files: an IATI activity file (read as a stream) or a CSV/XLSX table of at most
 * IMPORT_FILE_LIMIT (50 MB); the body may add a multipart envelope around it.
 */
export const IMPORT_FILE_LIMIT = 50 * 1024 * 1024;
export const IMPORT_BODY_LIMIT = IMPORT_FILE_LIMIT + 1024 * 1024;
export const importRoutes: ReadonlySet<string> = new Set(['/api/v1/imports/iati', '/[lang=lang]/atlas/imports']);

export function bodyLimitFor(routeId: string | null, limits: { bodySizeLimit: number; uploadSizeLimit: number }): number {
	if (routeId !== null && importRoutes.has(routeId)) return IMPORT_BODY_LIMIT;
	return routeId !== null && uploadRoutes.has(routeId) ? limits.uploadSizeLimit : limits.bodySizeLimit;
}
