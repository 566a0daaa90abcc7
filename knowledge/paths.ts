import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's folder, the one holding package.json: the same whether this code runs from its
 * TypeScript sources (tsx, jest) or compiled in dist/ (`npm start`), whose own folders sit one level deeper.
 * Files the code reads at run time (the frameworks, the lexicon, the tab's page, package.json) are
 * found from here, so that dist/ holds only compiled code and there is one copy of each.
 */
export const PROJECT_ROOT: string = findProjectRoot(__dirname);

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`No package.json above ${start}: the service must run from inside its project folder.`);
  }
}
