import { fromModules } from './modules.ts';

export interface NavigationEntry {
	slug: string;
	navKey: string;
	titleKey: string;
	textKey: string;
	/** false: the module is announced, its address shows a "coming soon" page */
	ready: boolean;
}

/** The modules in the header and on the home page, in the order of the list of manifests. */
export const navigation = fromModules((manifests): NavigationEntry[] =>
	manifests.flatMap((manifest) => (manifest.navigation ? [{ slug: manifest.slug, ...manifest.navigation }] : []))
);
