import { defineConfig } from 'vitest/config';
import { defaultPackPlugin } from './cli/pack/vite-plugin';

export default defineConfig({
  plugins: [defaultPackPlugin()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'tests/e2e-firefox/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
