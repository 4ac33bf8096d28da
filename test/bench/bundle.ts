/** What a lesson page costs to download: gzip sizes from the Vite build manifest. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface BundleReport {
  /** JS the browser must run before a lesson page shows: the entry and its static imports. */
  lessonPageJsGzip: number;
  cssGzip: number;
  /** Per compiled lesson (per language): its lazily loaded chunks, the first sections and the rest. */
  lessonChunks: { name: string; gzip: number }[];
  glossaryChunks: { name: string; gzip: number }[];
  /** The lazily loaded widget chunk (engine, d3-selection, widget code) and what it imports. */
  widgetGzip: number;
  /** The scheduling widgets' lazy chunks, each with what it imports beyond the lesson page. */
  ganttGzip: number;
  ballsGzip: number;
}

export function measureBundle(dist: string): BundleReport {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const gzip = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('no entry chunk in the build manifest');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entryKey);
  const files = [...seen].map((key) => manifest[key]?.file ?? '');
  const css = [...seen].flatMap((key) => manifest[key]?.css ?? []);
  const dynamic = (marker: string) =>
    Object.entries(manifest)
      .filter(([key]) => key.includes(marker))
      .map(([key, chunk]) => ({ name: key.replace(/^.*virtual:course\//, ''), gzip: gzip(chunk.file) }));
  /** A lazy chunk and everything it imports that the lesson page has not already loaded. */
  const lazyGzip = (marker: string) => {
    const key = Object.keys(manifest).find((k) => k.includes(marker));
    const files = new Set<string>();
    const visitLazy = (k: string) => {
      const chunk = manifest[k];
      if (!chunk || files.has(chunk.file) || seen.has(k)) return;
      files.add(chunk.file);
      for (const next of chunk.imports ?? []) visitLazy(next);
    };
    if (key) visitLazy(key);
    return [...files].reduce((sum, file) => sum + gzip(file), 0);
  };
  return {
    widgetGzip: lazyGzip('widgets/PacketFlowWidget'),
    ganttGzip: lazyGzip('GanttWidget'),
    ballsGzip: lazyGzip('BallsWidget'),
    lessonPageJsGzip: files.reduce((sum, file) => sum + gzip(file), 0),
    cssGzip: css.reduce((sum, file) => sum + gzip(file), 0),
    // Each lesson's first sections and the rest, in chunks of their own (see the content plugin).
    lessonChunks: [...dynamic('virtual:course/lesson/'), ...dynamic('virtual:course/lesson-rest/')],
    glossaryChunks: dynamic('virtual:course/glossary/'),
  };
}
