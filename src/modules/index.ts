import type { ModuleManifest } from '../platform/kernel/manifest.ts';
import { atlasModule } from './atlas/manifest.ts';
import { jobsModule } from './jobs/manifest.ts';
import { talentsModule } from './talents/manifest.ts';
import { returnModule } from './return/manifest.ts';
import { strategyModule } from './strategy/manifest.ts';
import { knowledgeModule } from './knowledge/manifest.ts';

/**
 * The composition root: the modules this platform runs, in the order of the navigation. Adding a
 * module is adding its folder and one line here; the entry points (request hook, CLI, tests) hand
 * this list to the platform (installModules), which never imports a module itself.
 */
export const manifests: readonly ModuleManifest[] = [atlasModule, jobsModule, talentsModule, returnModule, strategyModule, knowledgeModule];
