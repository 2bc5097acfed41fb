// schema.org JSON-LD of an open mission: a JobPosting for a contractor (a remote mission says so), in the
// mission's first language. Closed missions carry none (they no longer ask for anyone).
import { regions } from '../../../platform/geo/morocco.ts';
import type { MissionDetailView } from './missions.service.ts';

export function missionJsonLd(mission: MissionDetailView, url: string) {
	if (mission.status !== 'open') return null;
	const lang = (['fr', 'ar', 'en'] as const).find((code) => mission.title[code]) ?? 'fr';
	const region = regions.find((entry) => entry.iso === mission.region);
	return {
		'@context': 'https://schema.org',
		'@type': 'JobPosting',
		url,
		title: mission.title[lang],
		description: mission.context[lang] ?? '',
		inLanguage: lang,
		datePosted: mission.publishedAt.slice(0, 10),
		...(mission.endsOn ? { validThrough: mission.endsOn } : {}),
		employmentType: 'CONTRACTOR',
		hiringOrganization: { '@type': 'Organization', name: mission.organisation.name },
		jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressRegion: region?.nameFr ?? mission.region, addressCountry: 'MA' } },
		...(mission.mode === 'remote' ? { jobLocationType: 'TELECOMMUTE' } : {}),
		skills: mission.skills.join(', '),
		...(mission.occupationCode ? { occupationalCategory: `ISCO-08 ${mission.occupationCode}` } : {})
	};
}
