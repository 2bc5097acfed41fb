import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'postgresql',
	// every table of the platform and of each module lives in a `*.table.ts` file
	schema: ['./src/platform/**/*.table.ts', './src/modules/**/*.table.ts'],
	out: './drizzle'
});
