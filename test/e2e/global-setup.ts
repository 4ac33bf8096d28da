import type { TestProject } from 'vitest/node';
import { execFileSync } from 'node:child_process';
import { preview, type PreviewServer } from 'vite';
import { findChromium } from './chromium-path';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    chromiumPath: string;
  }
}

let server: PreviewServer | undefined;

/** Builds the production site once and serves it with `vite preview` for every e2e file. */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  // A separate process: vitest sets NODE_ENV=test, which would give a development React build.
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  server = await preview({
    configFile: 'vite.config.ts',
    preview: { port: 4319, strictPort: false, host: '127.0.0.1' },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseURL', url.replace(/\/$/, ''));
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  };
}
