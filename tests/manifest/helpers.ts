import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { buildPackage } from '../../scripts/package';
import type { BuildOptions } from '../../scripts/package';

/** Made-up ids: no real app or bot. */
export const FAKE = {
  TEAMS_APP_ID: '0f5e2d4c-6b1a-4e3f-9c8d-7a6b5c4d3e2f',
  BOT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  APP_DOMAIN: 'pc-test.azurewebsites.net',
} as const;

export type Manifest = TeamsManifestV1D30.TeamsManifestV1D30;

export interface BuiltZip {
  readonly outFile: string;
  readonly bytes: Buffer;
  readonly names: string[];
  readonly manifest: Manifest;
  file(name: string): Promise<Buffer>;
}

/** A temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pc-package-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the real package build into `dir` with the fake ids (plus `env`), and opens the zip. */
export async function buildInto(
  dir: string,
  env: Record<string, string> = {},
  options: Omit<BuildOptions, 'env' | 'outFile'> = {},
): Promise<BuiltZip> {
  const outFile = join(dir, 'appPackage.zip');
  await buildPackage({ ...options, outFile, env: { ...FAKE, ...env } });
  const bytes = readFileSync(outFile);
  const zip = await JSZip.loadAsync(bytes);
  const file = async (name: string): Promise<Buffer> => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`${name} is not in the package`);
    return entry.async('nodebuffer');
  };
  // Safe to read as the 1.30 type: package.test.ts checks it against the 1.30 schema.
  const manifest = JSON.parse((await file('manifest.json')).toString('utf8')) as Manifest;
  return { outFile, bytes, names: Object.keys(zip.files).sort(), manifest, file };
}
