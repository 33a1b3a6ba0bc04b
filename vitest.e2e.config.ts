import { defineConfig } from 'vitest/config';

// End-to-end: HTTP tests and browser journeys against the real built app (`node build`), the
// browser being Debian's Chromium.
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts', 'tests/http/**/*.test.ts'],
		globalSetup: ['tests/support/global-server.ts'],
		setupFiles: ['tests/support/e2e-setup.ts'],
		environment: 'node',
		// A test that asserts nothing fails.
		expect: { requireAssertions: true },
		fileParallelism: false,
		testTimeout: 90000,
		// Starting app servers (one or two a file) can take long on a loaded machine (tests/support/server.ts).
		hookTimeout: 180000
	}
});
