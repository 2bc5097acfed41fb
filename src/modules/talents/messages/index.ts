import type { MessageNamespace } from '../../../platform/kernel/manifest.ts';
import fr from './fr/talents.json' with { type: 'json' };
import ar from './ar/talents.json' with { type: 'json' };
import en from './en/talents.json' with { type: 'json' };

/** The Talents module's UI messages (`talents.key`), in the three languages. */
export const messages: Record<string, MessageNamespace> = { talents: { fr, ar, en } };
