// Run as a child process by tests/editor/publish-crash.test.ts, which kills it with SIGKILL mid-publish:
// publishes version after version of a large framework file, printing each number once committed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR } from '../../knowledge/kb/load';
import { hashOf } from '../../knowledge/editor/source';
import { openStore } from '../../store/open';

/** Version n's text: the shipped file with n in a summary, and about a megabyte of comment, so a write takes a while. */
export function versionSource(n: number): string {
  const file = readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'lbbd.yaml'), 'utf8');
  return `${file.replace('We treat children with kindness,', `Version ${n}: we treat children with kindness,`)}${`# padding for version ${n} ${'x'.repeat(100)}\n`.repeat(8000)}`;
}

async function run(): Promise<void> {
  const url = process.argv[2] ?? '';
  const store = await openStore(url);
  const versions = store.frameworkVersions!;
  const fileHash = hashOf(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'lbbd.yaml'), 'utf8'));
  for (let n = 1; n < 1000; n++) {
    const result = await versions.publish({
      frameworkId: 'lbbd',
      after: n - 1,
      source: versionSource(n),
      fileHash,
      note: `version ${n}`,
      reason: null,
      publishedBy: 'crash-test',
      at: new Date(),
      diff: '{}',
      draftRev: null,
    });
    process.stdout.write(`published ${String(result)}\n`);
  }
}

if (require.main === module) void run();
