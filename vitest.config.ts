import { defineConfig } from 'vitest/config';

// Unit tests live beside the code (src/**/*.test.ts); integration tests in tests/integration; the import rules in tests/architecture.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
