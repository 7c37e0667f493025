import { defineConfig } from 'vitest/config';

// Unit tests live beside the code (src/**/*.test.ts); integration tests in tests/integration; the import rules in tests/architecture.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/architecture/**/*.test.ts', 'tests/security/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every file has its own database (PGlite in memory, or its own PostgreSQL database), so files run side by side;
    // vitest's default is one fewer than the cores, i.e. one at a time on a 2-core machine.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || 2,
  },
});
