// Browser tests: `npm run test:e2e` (after `npx vite build`), or as the second part of `npm test`.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	root: path.resolve(import.meta.dirname, '..'),
	test: {
		include: ['e2e/**/*.spec.ts'],
		environment: 'node',
		globalSetup: ['e2e/global-setup.ts'],
		setupFiles: ['src/compose.ts'],
		// One server and one Chromium at a time: the machine has 2 cores.
		fileParallelism: false,
		pool: 'forks',
		// the spec files share the loaded modules (the message catalogue, the modules' manifests): seconds each
		isolate: false,
		testTimeout: 60_000,
		hookTimeout: 120_000,
		maxConcurrency: 3,
		teardownTimeout: 60_000
	}
});
