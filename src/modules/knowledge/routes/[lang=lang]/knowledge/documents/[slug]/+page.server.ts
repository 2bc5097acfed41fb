import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { regions } from '#platform/geo/morocco.ts';
import { countryName } from '#platform/geo/countries.ts';
import { getDocument } from '#modules/knowledge/document.service.ts';
import { jsonLd } from '#modules/knowledge/citations.ts';
import { backlinksTo, linkValue } from '#platform/kernel/links.ts';
import { documentLinkKinds } from '#modules/knowledge/document-links.ts';

export async function load({ params, locals }) {
	const app = await getApp();
	const doc = await getDocument(app.database.db, params.slug, locals.language);
	if (!doc) error(404, 'not_found');
	const publicUrl = app.settings.publicUrl.replace(/\/$/, '');
	const pageUrl = `${publicUrl}/${locals.language}/knowledge/documents/${doc.slug}`;
	const name = locals.language === 'ar' ? 'nameAr' : locals.language === 'en' ? 'nameEn' : 'nameFr';
	return {
		doc,
		canPropose: requestContext(app, locals).can('knowledge.propose'),
		// other modules' records that name this document (a recommendation followed in the Strategy's tracker)
		backlinks: await backlinksTo(app.database.db, linkValue('knowledge.document', doc.slug)),
		// the initiatives and actions it links to, named in the reader's language (those no longer there left out)
		linked: documentLinkKinds
			.map((kind) => ({ kind, links: doc.links.filter((entry) => entry.kind === kind && entry.url !== null) }))
			.filter((group) => group.links.length > 0),
		regionNames: doc.regions.map((iso) => regions.find((region) => region.iso === iso)?.[name] ?? iso),
		countryNames: doc.countries.map((code) => countryName(code, locals.language)),
		// `<` escaped so that a title can never close the script element
		jsonLd: jsonLd(doc, pageUrl, publicUrl)
	};
}
