/** `npm run content:check`: compile every lesson and print each problem as file:line:column. */
import { resolve } from 'node:path';
import { compileCourse } from './compile-course.ts';
import { formatError } from './diagnostics.ts';

const contentDir = resolve(process.argv[2] ?? 'content');
const course = compileCourse(contentDir, process.cwd());
if (course.errors.length) {
  for (const error of course.errors) console.error(formatError(error));
  console.error(`\n${course.errors.length} content problem(s). See content/README.md for the syntax.`);
  process.exit(1);
}
const count = course.index.order.length;
const terms = Object.values(course.glossary).reduce((n, g) => n + g.length, 0);
console.log(
  `content ok: ${count} lessons × ${Object.keys(course.lessons).length} languages, ${terms} glossary entries`,
);
