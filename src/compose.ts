// The one place where the platform meets the modules: entry points (the request hook, the CLI,
// the test set-up, the benchmarks) import this file first; the platform itself never imports a module.
import { installModules } from '#platform/kernel/modules.ts';
import { manifests } from '#modules/index.ts';

installModules(manifests);
