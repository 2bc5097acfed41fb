/**
 * Request bodies are small everywhere (BODY_SIZE_LIMIT, 1 MB by default) except on the routes that
 * receive files, which get UPLOAD_SIZE_LIMIT (6 MB by default: a 5 MB CV and the form around it).
 * A route listed here still checks each file's own limit and type itself.
 */
export const uploadRoutes: ReadonlySet<string> = new Set([
	'/api/v1/me/cv',
	'/[lang=lang]/jobs/profile/cv'
]);

export function bodyLimitFor(routeId: string | null, limits: { bodySizeLimit: number; uploadSizeLimit: number }): number {
	return routeId !== null && uploadRoutes.has(routeId) ? limits.uploadSizeLimit : limits.bodySizeLimit;
}
