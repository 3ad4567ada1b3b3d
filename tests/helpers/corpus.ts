import fs from 'node:fs';
import path from 'node:path';

/** The import corpus lives beside the project (../shared/corpus/import), never inside it: some files may not ship. */
export const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus/import');

if (!fs.existsSync(CORPUS)) {
  throw new Error(`The import corpus is missing: expected it at ${CORPUS}, in the shared folder beside the project.`);
}
