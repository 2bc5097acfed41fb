import type { MessageNamespace } from '../../../platform/kernel/manifest.ts';
import fr from './fr/strategy.json' with { type: 'json' };
import ar from './ar/strategy.json' with { type: 'json' };
import en from './en/strategy.json' with { type: 'json' };
import frDetails from './fr/strategy_details.json' with { type: 'json' };
import arDetails from './ar/strategy_details.json' with { type: 'json' };
import enDetails from './en/strategy_details.json' with { type: 'json' };

/** The strategy module's UI messages (`strategy.key`), in the three languages. */
export const messages: Record<string, MessageNamespace> = { strategy: { fr, ar, en }, strategy_details: { fr: frDetails, ar: arDetails, en: enDetails } };
