import type { MessageNamespace } from '../../../platform/kernel/manifest.ts';
import fr from './fr/example.json' with { type: 'json' };
import ar from './ar/example.json' with { type: 'json' };
import en from './en/example.json' with { type: 'json' };

export const messages: Record<string, MessageNamespace> = { example: { fr, ar, en } };
