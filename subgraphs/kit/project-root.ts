import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding package.json. Code runs both from the sources (jest) and from `dist/`
 * (npm start), and data files such as migrations stay in the sources, so paths are taken from here.
 */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'subgraphs'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`tradegraph: no project root above ${__dirname}`);
    dir = parent;
  }
}
