import type { MessageNamespace } from '../../../platform/kernel/manifest.ts';
import fr from './fr/talents.json' with { type: 'json' };
import ar from './ar/talents.json' with { type: 'json' };
import en from './en/talents.json' with { type: 'json' };
import frMissions from './fr/missions.json' with { type: 'json' };
import arMissions from './ar/missions.json' with { type: 'json' };
import enMissions from './en/missions.json' with { type: 'json' };
import frMentoring from './fr/mentoring.json' with { type: 'json' };
import arMentoring from './ar/mentoring.json' with { type: 'json' };
import enMentoring from './en/mentoring.json' with { type: 'json' };
import frMore from './fr/missions_more.json' with { type: 'json' };
import arMore from './ar/missions_more.json' with { type: 'json' };
import enMore from './en/missions_more.json' with { type: 'json' };
import frYoung from './fr/young.json' with { type: 'json' };
import arYoung from './ar/young.json' with { type: 'json' };
import enYoung from './en/young.json' with { type: 'json' };
import frDiaspora from './fr/diaspora.json' with { type: 'json' };
import arDiaspora from './ar/diaspora.json' with { type: 'json' };
import enDiaspora from './en/diaspora.json' with { type: 'json' };
import frDirectories from './fr/directories.json' with { type: 'json' };
import arDirectories from './ar/directories.json' with { type: 'json' };
import enDirectories from './en/directories.json' with { type: 'json' };
import frNews from './fr/network_news.json' with { type: 'json' };
import arNews from './ar/network_news.json' with { type: 'json' };
import enNews from './en/network_news.json' with { type: 'json' };

/** The Talents module's UI messages (`talents.key`; the missions' `missions.key`; mentoring's `mentoring.key`; the young generations' `young.key`; the map and directories' `diaspora.key`), in the three languages. */
export const messages: Record<string, MessageNamespace> = {
	talents: { fr, ar, en },
	missions: { fr: frMissions, ar: arMissions, en: enMissions },
	mentoring: { fr: frMentoring, ar: arMentoring, en: enMentoring },
	young: { fr: frYoung, ar: arYoung, en: enYoung },
	diaspora: { fr: frDiaspora, ar: arDiaspora, en: enDiaspora },
	// the houses of Moroccans of the world, MRE desks and diaspora associations
	directories: { fr: frDirectories, ar: arDirectories, en: enDirectories },
	// missions in the Atlas's regions, their changes and statistics
	missions_more: { fr: frMore, ar: arMore, en: enMore },
	// a network's news (announcements published on its page) and the events linked to it
	network_news: { fr: frNews, ar: arNews, en: enNews }
};
