// `npm run package`: builds build/appPackage.zip (manifest.json, color.png, outline.png) for Teams.
// Fills manifest/manifest.template.json from the environment (and .env), checks the result offline
// against the JSON schema @microsoft/app-manifest bundles, and writes nothing if it is invalid.
// The settings' checks are in app-package/values.ts, the schema check in app-package/schema.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { withDotenv } from '../bot/config/env';
import type { Env } from '../bot/config/env';
import { validateManifest } from './app-package/schema';
import { manifestValues, PackageConfigError, withConsole } from './app-package/values';
import type { ManifestValues } from './app-package/values';

const ROOT = join(__dirname, '..');
export const TEMPLATE_PATH = join(ROOT, 'manifest', 'manifest.template.json');
export const ICON_DIR = join(ROOT, 'manifest');
export const DEFAULT_OUT_FILE = join(ROOT, 'build', 'appPackage.zip');
/** Teams' icon sizes (../shared/teams-platform.md, "The app manifest"). */
export const ICON_SIZES = { 'color.png': 192, 'outline.png': 32 } as const;

/** The built manifest breaks the schema. */
export class ManifestInvalidError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the manifest does not match its schema:\n  ${problems.join('\n  ')}`);
    this.name = 'ManifestInvalidError';
  }
}

/** Replaces every ${{NAME}} in the template's text with its value, JSON-escaped, and parses the result. */
export function fillTemplate(template: string, values: ManifestValues): unknown {
  const filled = template.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_whole, name: string) => {
    const value = (values as unknown as Record<string, string | undefined>)[name];
    if (value === undefined)
      throw new PackageConfigError(
        name,
        `is used in ${relative(ROOT, TEMPLATE_PATH)} but the package script does not provide it.`,
      );
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled);
}

function readIcon(iconDir: string, name: keyof typeof ICON_SIZES): Buffer {
  const bytes = readFileSync(join(iconDir, name));
  const { width, height } = PNG.sync.read(bytes);
  const size = ICON_SIZES[name];
  if (width !== size || height !== size)
    throw new PackageConfigError(
      name,
      `is ${width}×${height}; Teams needs ${size}×${size}. Redraw it with \`npx tsx scripts/draw-icons.ts\`.`,
    );
  return bytes;
}

export interface BuildOptions {
  /** Where to write the zip. Default build/appPackage.zip. */
  readonly outFile?: string;
  /** The settings; default the process environment over .env in `cwd`. */
  readonly env?: Env;
  readonly templatePath?: string;
  readonly iconDir?: string;
}

export interface BuiltPackage {
  readonly outFile: string;
  readonly bytes: number;
  readonly manifest: Record<string, unknown>;
}

/** Builds, validates and writes the app package. Throws PackageConfigError or ManifestInvalidError, writing nothing. */
export async function buildPackage(options: BuildOptions = {}): Promise<BuiltPackage> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const values = manifestValues(options.env ?? environment(process.cwd()), pkg);
  const manifest = withConsole(
    fillTemplate(readFileSync(options.templatePath ?? TEMPLATE_PATH, 'utf8'), values) as Record<string, unknown>,
    values,
  );
  const problems = await validateManifest(manifest);
  if (problems.length > 0) throw new ManifestInvalidError(problems);

  const iconDir = options.iconDir ?? ICON_DIR;
  const zip = new JSZip();
  const date = new Date('2025-01-01T00:00:00Z'); // fixed, so the same inputs give the same bytes
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  zip.file('color.png', readIcon(iconDir, 'color.png'), { date });
  zip.file('outline.png', readIcon(iconDir, 'outline.png'), { date });
  const content = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });

  const outFile = resolve(options.outFile ?? DEFAULT_OUT_FILE);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, content);
  return { outFile, bytes: content.length, manifest };
}

/** The process environment over .env in `cwd` (the environment wins). */
function environment(cwd: string): Env {
  return withDotenv(process.env, cwd);
}

/** `npm run package -- --teams-app-id … --bot-id … --domain … --out …`: flags win over the environment. */
export const CLI_OPTIONS = {
  'teams-app-id': { type: 'string' },
  'bot-id': { type: 'string' },
  domain: { type: 'string' },
  'console-client-id': { type: 'string' },
  out: { type: 'string' },
} as const;

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: CLI_OPTIONS });
  const env: Record<string, string | undefined> = { ...environment(process.cwd()) };
  if (args['teams-app-id'] !== undefined) env['TEAMS_APP_ID'] = args['teams-app-id'];
  if (args['bot-id'] !== undefined) env['BOT_ID'] = args['bot-id'];
  if (args.domain !== undefined) env['APP_DOMAIN'] = args.domain;
  if (args['console-client-id'] !== undefined && args['console-client-id'] !== '')
    env['CONSOLE_CLIENT_ID'] = args['console-client-id'];
  const built = await buildPackage({ env, ...(args.out !== undefined && { outFile: args.out }) });
  const m = built.manifest as { manifestVersion: string; id: string; version: string; validDomains: string[] };
  console.log(
    `wrote ${relative(process.cwd(), built.outFile)} (${built.bytes} bytes): manifest schema ${m.manifestVersion}, app ${m.id} version ${m.version}, domain ${m.validDomains.join(', ')}; valid against the bundled schema`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof PackageConfigError || error instanceof ManifestInvalidError)
      console.error(`Cannot build the app package. ${error.message}`);
    else console.error(error);
    process.exit(1);
  });
}
