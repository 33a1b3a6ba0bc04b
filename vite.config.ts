import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Unit tests run in two vitest projects (docs/architecture.md "Tests"):
// - core: the pure core's tests (src/lib/core/**), plain Node, no SvelteKit plugin and no database
//   support, so they start in a fraction of the time;
// - server: every other unit test (src/**, tests/unit, tests/cli, scripts/), with the SvelteKit plugin
//   ($lib, $app) and tests/support/unit-setup.ts closing each file's test databases.
// Both fail a test that asserts nothing (expect.requireAssertions).
const shared = {
	environment: 'node' as const,
	testTimeout: 30000,
	// Closing a file's PostgreSQL test databases (dropping them) can take a while on a busy machine.
	hookTimeout: 120000,
	expect: { requireAssertions: true }
};

export default defineConfig({
	plugins: [sveltekit()],
	build: { chunkSizeWarningLimit: 1600 },
	test: {
		projects: [
			{
				test: { ...shared, name: 'core', include: ['src/lib/core/**/*.test.ts'], pool: 'threads', isolate: false }
			},
			{
				extends: true,
				test: {
					...shared,
					name: 'server',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/cli/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['src/lib/core/**', '**/node_modules/**'],
					setupFiles: ['tests/support/unit-setup.ts']
				}
			}
		]
	}
});
