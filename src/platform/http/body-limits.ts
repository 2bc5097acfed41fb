import { fromModules, mergeOwned } from '../kernel/modules.ts';

/**
 * Request bodies are small everywhere (BODY_SIZE_LIMIT, 1 MB by default) except on the routes a module
 * declares in its manifest (`bodyLimits`): 'upload' routes receive files and get UPLOAD_SIZE_LIMIT
 * (6 MB by default: a 5 MB CV and the form around it); others name their own limit in bytes (Atlas
 * imports). A listed route still checks each file's own limit and type itself.
 */
export const bodyLimits = fromModules((manifests) => {
	const limits = mergeOwned<'upload' | number>('Body limit of route', manifests.map((manifest) => [`module ${manifest.slug}`, manifest.bodyLimits]));
	for (const [routeId, limit] of Object.entries(limits)) {
		if (typeof limit === 'number' && limit > LARGEST_BODY_LIMIT) throw new Error(`Body limit of ${routeId} is above ${LARGEST_BODY_LIMIT} bytes`);
	}
	return limits;
});

/**
 * The largest body limit a module may declare (51 MB: a 50 MB import file and its envelope). The
 * server's own backstop for bodies sent without a length (scripts/serve.ts) is set from it, so it
 * need not load the modules to know.
 */
export const LARGEST_BODY_LIMIT = 51 * 1024 * 1024;

/** The routes that receive files (UPLOAD_SIZE_LIMIT). */
export function uploadRoutes(): string[] {
	return Object.entries(bodyLimits())
		.filter(([, limit]) => limit === 'upload')
		.map(([routeId]) => routeId);
}

export function bodyLimitFor(routeId: string | null, limits: { bodySizeLimit: number; uploadSizeLimit: number }): number {
	const limit = routeId === null ? undefined : bodyLimits()[routeId];
	if (limit === undefined) return limits.bodySizeLimit;
	return limit === 'upload' ? limits.uploadSizeLimit : limit;
}

/** A size as people read it: "50 MB", "512 KB". */
export function sizeText(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
