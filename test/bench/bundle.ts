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
  /**
   * The Lab's route chunk and what it imports beyond the lesson page and the packet-flow widget
   * chunk (which a lesson with a widget has already loaded): JS, and its CSS apart.
   */
  labExtraGzip: number;
  labExtraCssGzip: number;
  /** Everything the Lab route loads beyond the lesson page (a first visit straight to the Lab). */
  labRouteGzip: number;
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
  /** The keys of a chunk and of everything it imports, statically, all the way down. */
  const closure = (marker: string) => {
    const keys = new Set<string>();
    const walk = (k: string) => {
      if (keys.has(k) || !manifest[k]) return;
      keys.add(k);
      for (const next of manifest[k]?.imports ?? []) walk(next);
    };
    const key = Object.keys(manifest).find((k) => k.includes(marker));
    if (key) walk(key);
    return keys;
  };
  const widgetKeys = closure('widgets/PacketFlowWidget');
  const labKeys = [...closure('routes/LabPage')].filter((k) => !seen.has(k));
  const labExtra = labKeys.filter((k) => !widgetKeys.has(k));
  const sum = (files: string[]) => [...new Set(files)].reduce((total, file) => total + gzip(file), 0);
  return {
    labExtraGzip: sum(labExtra.map((k) => manifest[k]?.file ?? '')),
    labExtraCssGzip: sum(labExtra.flatMap((k) => manifest[k]?.css ?? [])),
    labRouteGzip: sum(labKeys.map((k) => manifest[k]?.file ?? '')),
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
