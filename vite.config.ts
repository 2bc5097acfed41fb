import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import type { Plugin } from 'vite';
import { syncModuleRoutes } from './scripts/module-routes.ts';
import { pageDataOnlyWhenHydrated } from './scripts/kit-page-data.ts';

// Each module's routes (src/modules/<slug>/routes) are copied into src/routes as soon as this file is
// read: SvelteKit lists the routes while its plugin is being set up, before any plugin hook runs (a copy
// made in a `config` hook came too late for the first build of a fresh clone: its module pages were 404).
syncModuleRoutes(import.meta.dirname);

/** Copies the module routes again on every change of one (dev). */
function moduleRoutes(): Plugin {
	const root = import.meta.dirname;
	return {
		name: 'sharaka-module-routes',
		enforce: 'pre',
		configureServer(server) {
			const resync = (file: string) => {
				if (/[\\/]src[\\/]modules[\\/][^\\/]+[\\/]routes[\\/]/.test(file)) syncModuleRoutes(root);
			};
			server.watcher.on('add', resync).on('change', resync).on('unlink', resync);
		}
	};
}

export default defineConfig({
	plugins: [
		moduleRoutes(),
		pageDataOnlyWhenHydrated(),
		sveltekit({
			// The adapter reads its settings under SVELTEKIT_* (set by scripts/serve.ts), so they never
			// collide with ours (BODY_SIZE_LIMIT is the app's own limit, enforced in the request hook).
			adapter: adapter({ precompress: true, envPrefix: 'SVELTEKIT_' }),
			// Pages render on the server; scripts are opt-in per page (see README, "Light and fast").
			csp: {
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					// the web app: its service worker (/{lang}/service-worker.js) and manifest, same origin only
					'worker-src': ['self'],
					'manifest-src': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			}
		})
	],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		// the example module runs only once added to a copy of the project (scripts/example-module.test.ts)
		exclude: ['src/testing/example-module/**', '**/node_modules/**'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		// Test files share each worker's loaded modules (every file starts from its own database anyway): a
		// fresh module graph per file cost ~6 s of imports each, three quarters of the unit run's time.
		isolate: false,
		// every core: the workers wait on their databases as much as they compute
		maxWorkers: availableParallelism(),
		globalSetup: ['src/testing/global-setup.ts'],
		setupFiles: ['src/compose.ts']
	}
});
