import { defineConfig } from 'vitest/config';

// End-to-end tests in Debian's Firefox ESR: the built extension (.output/firefox-mv3) as a
// temporary add-on, driven over WebDriver BiDi. One browser at a time, as for Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // A real browser on a busy two-core machine: a publish, its log write or a panel can take more
    // than expect.poll's default second. Tests that assert a bound say so with their own timeout.
    expect: { poll: { timeout: 10_000 } },
  },
});
