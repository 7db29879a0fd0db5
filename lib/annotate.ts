import * as core from '@actions/core';

/**
 * A problem a tool reported, on its way to becoming an annotation. `file` is relative to the
 * repository root (GitHub resolves annotation paths from there, not from a working directory).
 */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  title?: string;
}

/** The one place annotations are written. @actions/core escapes message and properties. */
export function annotate(annotations: readonly Annotation[]): void {
  for (const a of annotations) {
    const props: core.AnnotationProperties = { title: a.title, file: a.file, startLine: a.line, startColumn: a.column };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
}
