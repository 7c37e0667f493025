import { defineConfig } from 'vitest/config';

// Browser journeys in real Chromium against a real server (see tests/e2e/global-setup.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // A page settles within a second on a quiet machine; on a loaded CI runner a save and the list it refreshes can
    // take longer. expect.poll's 1 s default then fails a journey that is right (seen: 订单管理 search, city price).
    expect: { poll: { timeout: 10_000 } },
  },
});
