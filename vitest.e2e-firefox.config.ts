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
  },
});
