/** Build-time content problems, always reported as `file:line:column: message`. */

export interface Position {
  line: number;
  column: number;
}

export interface ContentError extends Position {
  file: string;
  message: string;
}

export class Diagnostics {
  readonly errors: ContentError[] = [];

  add(file: string, at: Position | undefined, message: string): void {
    this.errors.push({ file, line: at?.line ?? 1, column: at?.column ?? 1, message });
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}

export function formatError(error: ContentError): string {
  return `${error.file}:${error.line}:${error.column}: ${error.message}`;
}

/** Thrown by the Vite plugin and the CLI so a build stops with every problem listed. */
export class ContentBuildError extends Error {
  constructor(readonly errors: ContentError[]) {
    super(
      `Lesson content has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n` +
        errors.map((e) => `  ${formatError(e)}`).join('\n'),
    );
    this.name = 'ContentBuildError';
  }
}
