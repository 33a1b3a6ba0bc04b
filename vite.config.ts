import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: { chunkSizeWarningLimit: 1600 },
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/cli/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['tests/support/unit-setup.ts'],
		testTimeout: 30000,
		// Closing a file's PostgreSQL test databases (dropping them) can take a while on a busy machine.
		hookTimeout: 120000
	}
});
