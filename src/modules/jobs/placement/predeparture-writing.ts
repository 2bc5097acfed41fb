// How the real pre-departure pages cite their sources and join their paragraphs (one place for every country's file).
import type { ContentSource } from '../../../platform/content/content.table.ts';

/** A cited source with the day it was read (the pages say what the sources said that day). */
export const officialSource = (title: string, publisher: string, url: string, consulted: string): ContentSource => ({ name: `${title} — ${publisher}, consulted ${consulted}`, url });

/** Paragraphs of a page's body. */
export const paragraphs = (...texts: string[]) => texts.join('\n\n');
