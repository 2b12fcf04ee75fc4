/// <reference types="vitest/config" />
// Vite builds the single-page app; the `test` block configures Vitest (unit and component tests).
// The browser end-to-end suite lives in test/e2e and is driven by test/e2e/run.mjs, not by Vitest.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['test/setup.ts'],
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
  },
});
