import type { MessageNamespace } from '../../../platform/kernel/manifest.ts';
import fr from './fr/return.json' with { type: 'json' };
import ar from './ar/return.json' with { type: 'json' };
import en from './en/return.json' with { type: 'json' };

/** The Return module's UI messages (`return.key`), in the three languages. */
export const messages: Record<string, MessageNamespace> = {
	return: { fr, ar, en }
};
