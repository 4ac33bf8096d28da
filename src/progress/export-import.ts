/**
 * Progress files: what "Export" downloads and "Import" accepts. The file carries its format and
 * version, so an older export is migrated and a foreign or damaged file is refused with a reason.
 */
import { LEARNER_VERSION, parseLearnerV2, type LearnerData } from './learner-schema';
import { migrate } from './migrations';

export const FILE_FORMAT = 'balancer-lab-progress';

export interface ProgressFile {
  format: typeof FILE_FORMAT;
  version: number;
  exportedAt: string;
  data: LearnerData;
}

export function toProgressFile(data: LearnerData, now: Date): string {
  const file: ProgressFile = { format: FILE_FORMAT, version: LEARNER_VERSION, exportedAt: now.toISOString(), data };
  return JSON.stringify(file, null, 2);
}

export type ImportResult =
  | { ok: true; data: LearnerData; lossy: boolean }
  | { ok: false; reason: 'not-json' | 'not-progress' | 'newer-version' };

export function parseProgressFile(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const file = value as Partial<ProgressFile> | null;
  if (!file || typeof file !== 'object' || file.format !== FILE_FORMAT || !Number.isInteger(file.version))
    return { ok: false, reason: 'not-progress' };
  if ((file.version as number) > LEARNER_VERSION) return { ok: false, reason: 'newer-version' };
  const parsed =
    file.version === LEARNER_VERSION ? parseLearnerV2(file.data) : migrate(file.data, file.version as number);
  return { ok: true, data: parsed.data, lossy: parsed.lossy };
}

export interface ProgressCounts {
  lessons: number;
  sections: number;
  quizzes: number;
  reflections: number;
}

/** What a copy of progress holds (for the import preview: before, in the file, after). */
export function countProgress(data: LearnerData): ProgressCounts {
  const counts: ProgressCounts = { lessons: 0, sections: 0, quizzes: 0, reflections: 0 };
  for (const lesson of Object.values(data.lessons)) {
    const sections = Object.values(lesson.sections).filter((at) => at > lesson.resetAt).length;
    const quizzes = Object.values(lesson.quizzes).filter(
      (q) => q.updatedAt > lesson.resetAt && (q.solvedAt > 0 || q.revealedAt > 0),
    ).length;
    const reflections = Object.values(lesson.reflections).filter(
      (r) => r.updatedAt > lesson.resetAt && r.text.trim(),
    ).length;
    if (sections + quizzes + reflections > 0 || lesson.visitedAt > 0) counts.lessons++;
    counts.sections += sections;
    counts.quizzes += quizzes;
    counts.reflections += reflections;
  }
  return counts;
}
