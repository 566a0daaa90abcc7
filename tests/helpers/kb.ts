import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR } from '../../knowledge/kb/load';

/** A fresh folder holding the shipped frameworks plus the given fixture files. */
export function knowledgeDirWith(...fixtures: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'pc-kb-'));
  for (const name of readdirSync(DEFAULT_KNOWLEDGE_DIR))
    copyFileSync(join(DEFAULT_KNOWLEDGE_DIR, name), join(dir, name));
  for (const fixture of fixtures)
    copyFileSync(join(__dirname, '..', 'fixtures', 'frameworks', fixture), join(dir, fixture));
  return dir;
}
