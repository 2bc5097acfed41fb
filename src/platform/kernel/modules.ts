import type { ModuleManifest } from './manifest.ts';

/**
 * The modules this process runs, received once from the composition root (src/modules/index.ts)
 * by whatever starts the process (the request hook, the CLI, the test set-up). The platform's
 * registries (actions, routes, API, messages, data, caches, commands, personal data) read them
 * from here, so the platform never imports a module.
 */
let installed: readonly ModuleManifest[] | null = null;

export function installModules(manifests: readonly ModuleManifest[]): void {
	if (installed === manifests) return;
	const slugs = new Set<string>();
	for (const manifest of manifests) {
		if (!/^[a-z][a-z0-9-]*$/.test(manifest.slug)) throw new Error(`Module slug "${manifest.slug}" must be lower-case letters, digits and hyphens`);
		if (slugs.has(manifest.slug)) throw new Error(`Module "${manifest.slug}" is listed twice`);
		slugs.add(manifest.slug);
	}
	// A dev-server reload may install a fresh copy of the same list: derived registries follow it.
	installed = manifests;
}

export function isInstalled(): boolean {
	return installed !== null;
}

export function installedModules(): readonly ModuleManifest[] {
	if (!installed) throw new Error('No modules installed: the entry point must call installModules(manifests) from src/modules/index.ts first.');
	return installed;
}

/** A value computed from the installed modules, recomputed only when another list is installed. */
export function fromModules<T>(compute: (manifests: readonly ModuleManifest[]) => T): () => T {
	let computedFor: readonly ModuleManifest[] | null = null;
	let value: T;
	return () => {
		const manifests = installedModules();
		if (manifests !== computedFor) {
			value = compute(manifests);
			computedFor = manifests;
		}
		return value;
	};
}

/** Merges records contributed by several owners; one key has one owner (a second is a bug, refused). */
export function mergeOwned<V>(what: string, entries: Iterable<[owner: string, record: Record<string, V> | undefined]>): Record<string, V> {
	const merged: Record<string, V> = {};
	const owners: Record<string, string> = {};
	for (const [owner, record] of entries) {
		for (const [key, value] of Object.entries(record ?? {})) {
			if (key in owners) throw new Error(`${what} "${key}" is declared by both ${owners[key]} and ${owner}`);
			owners[key] = owner;
			merged[key] = value;
		}
	}
	return merged;
}
