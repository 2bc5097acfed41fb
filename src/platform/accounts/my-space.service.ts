import type { RequestContext } from '../kernel/context.ts';
import type { SpaceLink } from '../kernel/manifest.ts';
import { installedModules } from '../kernel/modules.ts';
import { navigation, type NavigationEntry } from '../kernel/navigation.ts';
import { openContactMessages } from '../site/site.service.ts';

/** One block of "my space": the platform's own places, or one module's. */
export interface SpaceSection {
	/** `platform` or the module's slug */
	owner: string;
	titleKey: string;
	links: SpaceLink[];
}

export interface MySpace {
	sections: SpaceSection[];
	/** everything waiting for the person, over every section */
	waitingTotal: number;
	/** announced modules, marked before anyone clicks on them */
	comingSoon: NavigationEntry[];
}

/** The platform's own places: the account for everyone, administration pages by grant. */
async function platformLinks(ctx: RequestContext): Promise<SpaceLink[]> {
	const links: SpaceLink[] = [{ path: '/account', titleKey: 'space.account_title', textKey: 'space.account_text' }];
	if (ctx.can('user.manage')) links.push({ path: '/admin/users', titleKey: 'admin.users_title', textKey: 'admin.home_users_text', area: 'administration' });
	if (ctx.can('organisation.manage')) {
		links.push({ path: '/admin/organisations', titleKey: 'admin.organisations_title', textKey: 'admin.home_organisations_text', area: 'administration' });
	}
	if (ctx.can('audit.read')) links.push({ path: '/admin/audit', titleKey: 'admin.audit_title', textKey: 'admin.home_audit_text', area: 'administration' });
	if (ctx.can('queue.manage')) links.push({ path: '/admin/jobs', titleKey: 'queue.title', textKey: 'queue.home_text', area: 'administration' });
	if (ctx.can('site.manage')) {
		const open = await openContactMessages(ctx.db);
		links.push({ path: '/admin/site', titleKey: 'site.admin_title', textKey: 'site.admin_home_text', waiting: { count: open, key: 'site.messages_open' }, area: 'administration' });
	}
	return links;
}

/**
 * A signed-in person's home: for each module, the queues and spaces their grants open, with what
 * waits there. Modules answer through their manifest's `mySpace`; the platform never names them.
 */
export async function mySpace(ctx: RequestContext): Promise<MySpace> {
	ctx.require('account.manage_own');
	const entries = navigation();
	const ready = new Map(entries.map((entry) => [entry.slug, entry]));
	const modules = installedModules().filter((manifest) => manifest.mySpace && ready.get(manifest.slug)?.ready !== false);
	const moduleLinks = await Promise.all(modules.map((manifest) => manifest.mySpace!(ctx)));
	const sections: SpaceSection[] = [{ owner: 'platform', titleKey: 'space.platform_title', links: await platformLinks(ctx) }];
	modules.forEach((manifest, index) => {
		const links = moduleLinks[index];
		if (links.length) sections.push({ owner: manifest.slug, titleKey: ready.get(manifest.slug)?.titleKey ?? `${manifest.slug}.title`, links });
	});
	const waitingTotal = sections.flatMap((section) => section.links).reduce((total, link) => total + (link.waiting?.count ?? 0) + (link.alsoWaiting ?? []).reduce((more, entry) => more + entry.count, 0), 0);
	return { sections, waitingTotal, comingSoon: entries.filter((entry) => !entry.ready) };
}

/** The administration home's places: the platform's and every module's marked `administration`. */
export async function administrationLinks(ctx: RequestContext): Promise<SpaceLink[]> {
	ctx.require('admin.access');
	const space = await mySpace(ctx);
	return space.sections.flatMap((section) => section.links.filter((link) => link.area === 'administration'));
}
