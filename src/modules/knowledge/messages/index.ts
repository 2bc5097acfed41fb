import type { MessageNamespace } from '../../../platform/kernel/manifest.ts';
import fr from './fr/knowledge.json' with { type: 'json' };
import ar from './ar/knowledge.json' with { type: 'json' };
import en from './en/knowledge.json' with { type: 'json' };
import frEvents from './fr/events.json' with { type: 'json' };
import arEvents from './ar/events.json' with { type: 'json' };
import enEvents from './en/events.json' with { type: 'json' };
import frSurveys from './fr/surveys.json' with { type: 'json' };
import arSurveys from './ar/surveys.json' with { type: 'json' };
import enSurveys from './en/surveys.json' with { type: 'json' };
import frNewsletters from './fr/newsletters.json' with { type: 'json' };
import arNewsletters from './ar/newsletters.json' with { type: 'json' };
import enNewsletters from './en/newsletters.json' with { type: 'json' };
import frResearch from './fr/research.json' with { type: 'json' };
import arResearch from './ar/research.json' with { type: 'json' };
import enResearch from './en/research.json' with { type: 'json' };
import frWork from './fr/library_work.json' with { type: 'json' };
import arWork from './ar/library_work.json' with { type: 'json' };
import enWork from './en/library_work.json' with { type: 'json' };

/** The knowledge module's UI messages (`knowledge.key`), in the three languages. */
export const messages: Record<string, MessageNamespace> = { knowledge: { fr, ar, en }, events: { fr: frEvents, ar: arEvents, en: enEvents }, surveys: { fr: frSurveys, ar: arSurveys, en: enSurveys }, newsletters: { fr: frNewsletters, ar: arNewsletters, en: enNewsletters }, research: { fr: frResearch, ar: arResearch, en: enResearch }, library_work: { fr: frWork, ar: arWork, en: enWork } };
