import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension (.output/chrome-mv3) in Debian's Chromium. One
// browser at a time: the machines have two cores and each test owns a fresh profile.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // A real browser on a busy two-core machine: a publish, its log write or a panel can take more
    // than expect.poll's default second. Tests that assert a bound say so with their own timeout.
    expect: { poll: { timeout: 10_000 } },
  },
});
