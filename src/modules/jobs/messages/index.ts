import type { MessageNamespace } from '../../../platform/kernel/manifest.ts';
import frCounsellors from './fr/counsellors.json' with { type: 'json' };
import arCounsellors from './ar/counsellors.json' with { type: 'json' };
import enCounsellors from './en/counsellors.json' with { type: 'json' };
import frJobs from './fr/jobs.json' with { type: 'json' };
import arJobs from './ar/jobs.json' with { type: 'json' };
import enJobs from './en/jobs.json' with { type: 'json' };
import frMatching from './fr/matching.json' with { type: 'json' };
import arMatching from './ar/matching.json' with { type: 'json' };
import enMatching from './en/matching.json' with { type: 'json' };
import frSaved from './fr/saved.json' with { type: 'json' };
import arSaved from './ar/saved.json' with { type: 'json' };
import enSaved from './en/saved.json' with { type: 'json' };
import frCampaigns from './fr/campaigns.json' with { type: 'json' };
import arCampaigns from './ar/campaigns.json' with { type: 'json' };
import enCampaigns from './en/campaigns.json' with { type: 'json' };
import frDeparture from './fr/departure.json' with { type: 'json' };
import arDeparture from './ar/departure.json' with { type: 'json' };
import enDeparture from './en/departure.json' with { type: 'json' };
import frPlacement from './fr/placement.json' with { type: 'json' };
import arPlacement from './ar/placement.json' with { type: 'json' };
import enPlacement from './en/placement.json' with { type: 'json' };
import frPlacementStats from './fr/placement_stats.json' with { type: 'json' };
import arPlacementStats from './ar/placement_stats.json' with { type: 'json' };
import enPlacementStats from './en/placement_stats.json' with { type: 'json' };
import frShortlist from './fr/shortlist.json' with { type: 'json' };
import arShortlist from './ar/shortlist.json' with { type: 'json' };
import enShortlist from './en/shortlist.json' with { type: 'json' };
import frSeekers from './fr/seekers.json' with { type: 'json' };
import arSeekers from './ar/seekers.json' with { type: 'json' };
import enSeekers from './en/seekers.json' with { type: 'json' };
import frMobility from './fr/mobility.json' with { type: 'json' };
import arMobility from './ar/mobility.json' with { type: 'json' };
import enMobility from './en/mobility.json' with { type: 'json' };
import frSupport from './fr/support.json' with { type: 'json' };
import arSupport from './ar/support.json' with { type: 'json' };
import enSupport from './en/support.json' with { type: 'json' };

/** The jobs module's UI messages, by namespace (`namespace.key`), in the three languages. */
export const messages: Record<string, MessageNamespace> = {
	counsellors: { fr: frCounsellors, ar: arCounsellors, en: enCounsellors },
	jobs: { fr: frJobs, ar: arJobs, en: enJobs },
	matching: { fr: frMatching, ar: arMatching, en: enMatching },
	saved: { fr: frSaved, ar: arSaved, en: enSaved },
	placement: { fr: frPlacement, ar: arPlacement, en: enPlacement },
	campaigns: { fr: frCampaigns, ar: arCampaigns, en: enCampaigns },
	placement_stats: { fr: frPlacementStats, ar: arPlacementStats, en: enPlacementStats },
	shortlist: { fr: frShortlist, ar: arShortlist, en: enShortlist },
	departure: { fr: frDeparture, ar: arDeparture, en: enDeparture },
	mobility: { fr: frMobility, ar: arMobility, en: enMobility },
	seekers: { fr: frSeekers, ar: arSeekers, en: enSeekers },
	support: { fr: frSupport, ar: arSupport, en: enSupport }
};
