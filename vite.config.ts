import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { configDefaults } from 'vitest/config';
import { contentPlugin } from './src/content/compile/vite-plugin.ts';

/**
 * The production Content-Security-Policy. The built index.html has no inline script, so
 * `script-src 'self'` needs no nonce. It ships as a <meta> tag (frame-ancestors is ignored there,
 * so `vite preview` also sends the full policy as a header).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  // One Trusted Types policy, for the packet-drawing worker's own same-origin URL (src/viz/worker-url.ts).
  'trusted-types packet-worker-url',
].join('; ');

function cspMeta(): Plugin {
  return {
    name: 'balancer-lab:csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentPlugin({ contentDir: 'content' }), cspMeta()],
  build: {
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
    manifest: true,
    // Everything the first page needs in one chunk beside the entry. Left to itself the bundler
    // splits the modules the entry shares with lazy pages (the Lab, the glossary) into several
    // small chunks, and each compresses worse on its own than together.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } } },
  },
  preview: {
    headers: { 'Content-Security-Policy': `${CSP}; frame-ancestors 'none'` },
  },
  test: {
    projects: [
      {
        extends: true,
        // Generous limits: headless engine runs take seconds on a loaded two-core machine.
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.tsx'],
          setupFiles: ['test/component/setup.ts'],
        },
      },
      {
        extends: true,
        // Compiling the course runs every measurement when the engine has changed (no cached runs).
        test: {
          name: 'content',
          environment: 'node',
          include: ['test/content/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
