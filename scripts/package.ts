// `npm run package`: builds build/appPackage.zip (manifest.json, color.png, outline.png) for Teams.
// Fills manifest/manifest.template.json from the environment (and .env), checks the result offline
// against the JSON schema @microsoft/app-manifest bundles, and writes nothing if it is invalid.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { GUID, setting, withDotenv } from '../bot/config/env';
import type { Env } from '../bot/config/env';

const ROOT = join(__dirname, '..');
export const TEMPLATE_PATH = join(ROOT, 'manifest', 'manifest.template.json');
export const ICON_DIR = join(ROOT, 'manifest');
export const DEFAULT_OUT_FILE = join(ROOT, 'build', 'appPackage.zip');
/** Teams' icon sizes (../shared/teams-platform.md, "The app manifest"). */
export const ICON_SIZES = { 'color.png': 192, 'outline.png': 32 } as const;

/** A setting is missing or wrong. The message names the variable and says how to fix it. */
export class PackageConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${variable}: ${message}`, options);
    this.name = 'PackageConfigError';
  }
}

/** The built manifest breaks the schema. */
export class ManifestInvalidError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the manifest does not match its schema:\n  ${problems.join('\n  ')}`);
    this.name = 'ManifestInvalidError';
  }
}

/** What the template's ${{NAME}} placeholders are filled with. */
export interface ManifestValues {
  readonly TEAMS_APP_ID: string;
  readonly BOT_ID: string;
  readonly APP_DOMAIN: string;
  readonly APP_NAME: string;
  readonly APP_VERSION: string;
  readonly ORGANISATION_NAME: string;
  readonly SUPPORT_URL: string;
  /** The practice lead console's Entra app (AAD_APP_CLIENT_ID, made by aadApp/create): turns on its single sign-on and tab. */
  readonly CONSOLE_CLIENT_ID?: string;
}

const DOMAIN = /^(?=.{4,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

function guid(env: Env, name: string, what: string): string {
  const v = setting(env, name);
  if (v === undefined) throw new PackageConfigError(name, `is not set. ${what}`);
  if (!GUID.test(v)) throw new PackageConfigError(name, `"${v}" is not a GUID. ${what}`);
  return v.toLowerCase();
}

function domain(env: Env): string {
  const given = setting(env, 'APP_DOMAIN');
  if (given !== undefined) {
    const d = given.toLowerCase();
    if (!DOMAIN.test(d))
      throw new PackageConfigError(
        'APP_DOMAIN',
        `"${given}" is not a domain name: give the host name only, e.g. practice-companion.azurewebsites.net (no https://, port or path)`,
      );
    return d;
  }
  const url = setting(env, 'PUBLIC_URL');
  if (url === undefined)
    throw new PackageConfigError(
      'APP_DOMAIN',
      'is not set: set APP_DOMAIN to the host name the bot is served from, e.g. practice-companion.azurewebsites.net (or PUBLIC_URL to its https:// address)',
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new PackageConfigError(
      'PUBLIC_URL',
      `"${url}" is not a web address: use e.g. https://practice-companion.azurewebsites.net`,
      { cause: error },
    );
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.pathname !== '/' || !DOMAIN.test(parsed.hostname)) {
    throw new PackageConfigError(
      'PUBLIC_URL',
      `"${url}" must be an https:// address with a domain name and no port or path, e.g. https://practice-companion.azurewebsites.net`,
    );
  }
  return parsed.hostname;
}

/** Reads and checks everything the manifest needs. `pkg` is package.json; `env` wins over nothing else. */
export function manifestValues(env: Env, pkg: { readonly name: string; readonly version: string }): ManifestValues {
  const TEAMS_APP_ID = guid(
    env,
    'TEAMS_APP_ID',
    'It is the Teams app id: a GUID that stays the same for every version of the package, e.g. from `node -e "console.log(crypto.randomUUID())"` or written by the Agents Toolkit. Never reuse the bot id.',
  );
  const botIdName = setting(env, 'BOT_ID') !== undefined ? 'BOT_ID' : 'MicrosoftAppId';
  const BOT_ID = guid(
    env,
    botIdName,
    "Set BOT_ID (or MicrosoftAppId) to the Azure Bot registration's app id: the client id of its managed identity or app registration.",
  );
  const appId = setting(env, 'MicrosoftAppId');
  if (botIdName === 'BOT_ID' && appId !== undefined && appId.toLowerCase() !== BOT_ID) {
    throw new PackageConfigError(
      'BOT_ID',
      `(${BOT_ID}) differs from MicrosoftAppId (${appId}): the package must name the bot the service runs as. Make them the same, or unset one.`,
    );
  }
  if (TEAMS_APP_ID === BOT_ID)
    throw new PackageConfigError('TEAMS_APP_ID', 'is the same as the bot id: give the Teams app its own GUID.');

  const APP_DOMAIN = domain(env);
  const baseName = pkg.name
    .split(/[-_\s]+/)
    .map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`)
    .join(' ');
  const suffix = setting(env, 'APP_NAME_SUFFIX');
  const APP_NAME = suffix === undefined ? baseName : `${baseName} (${suffix})`;
  if (APP_NAME.length > 30)
    throw new PackageConfigError(
      'APP_NAME_SUFFIX',
      `makes the app's name "${APP_NAME}" longer than the 30 characters Teams allows: shorten it.`,
    );
  if (!/^\d+\.\d+\.\d+$/.test(pkg.version))
    throw new PackageConfigError(
      'version',
      `in package.json is "${pkg.version}": Teams needs MAJOR.MINOR.PATCH, e.g. 1.2.0`,
    );

  const ORGANISATION_NAME = setting(env, 'ORGANISATION_NAME') ?? baseName;
  if (ORGANISATION_NAME.length > 32)
    throw new PackageConfigError(
      'ORGANISATION_NAME',
      `"${ORGANISATION_NAME}" is longer than the 32 characters Teams allows for the publisher's name: shorten it.`,
    );
  const SUPPORT_URL = setting(env, 'SUPPORT_URL') ?? `https://${APP_DOMAIN}/terms#help`;
  if (!/^https:\/\/\S+$/.test(SUPPORT_URL))
    throw new PackageConfigError(
      'SUPPORT_URL',
      `"${SUPPORT_URL}" must be an https:// address: the page where people find help with the app.`,
    );

  const consoleName = setting(env, 'CONSOLE_CLIENT_ID') !== undefined ? 'CONSOLE_CLIENT_ID' : 'AAD_APP_CLIENT_ID';
  const CONSOLE_CLIENT_ID =
    setting(env, consoleName) === undefined
      ? undefined
      : guid(
          env,
          consoleName,
          "It is the Application (client) ID of the console's app registration, which `aadApp/create` in m365agents.yml writes as AAD_APP_CLIENT_ID.",
        );
  if (CONSOLE_CLIENT_ID !== undefined && CONSOLE_CLIENT_ID === TEAMS_APP_ID)
    throw new PackageConfigError(
      consoleName,
      'is the same as TEAMS_APP_ID: use the client id of the Entra app registration.',
    );

  return {
    TEAMS_APP_ID,
    BOT_ID,
    APP_DOMAIN,
    APP_NAME,
    APP_VERSION: pkg.version,
    ORGANISATION_NAME,
    SUPPORT_URL,
    ...(CONSOLE_CLIENT_ID !== undefined && { CONSOLE_CLIENT_ID }),
  };
}

/**
 * With a console app registration: the "Practice lead" personal tab, and webApplicationInfo naming
 * that registration and its Application ID URI, so teams-js getAuthToken gets a token for it.
 * (webApplicationInfo also carries the meeting RSC permissions: they are then granted to this app.)
 */
export function withConsole(manifest: Record<string, unknown>, values: ManifestValues): Record<string, unknown> {
  const id = values.CONSOLE_CLIENT_ID;
  if (id === undefined) return manifest;
  const tabs = (manifest['staticTabs'] as Array<Record<string, unknown>> | undefined) ?? [];
  const lead = {
    entityId: 'practice-lead',
    name: 'Practice lead',
    contentUrl: `https://${values.APP_DOMAIN}/console?theme={theme}`,
    scopes: ['personal'],
  };
  const about = tabs.findIndex((t) => t['entityId'] === 'about');
  const staticTabs = about < 0 ? [...tabs, lead] : [...tabs.slice(0, about), lead, ...tabs.slice(about)];
  return { ...manifest, staticTabs, webApplicationInfo: { id, resource: `api://${values.APP_DOMAIN}/${id}` } };
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

/** The folder of Teams manifest schemas inside @microsoft/app-manifest. */
export function bundledSchemaDir(): string {
  return join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
}

/** The newest numbered schema version @microsoft/app-manifest bundles, e.g. "1.30" (devPreview is not one). */
export function newestBundledSchemaVersion(): string {
  const versions = readdirSync(bundledSchemaDir())
    .map((d) => /^v1\.(\d+)$/.exec(d))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]));
  return `1.${Math.max(...versions)}`;
}

interface SchemaError {
  readonly instancePath: string;
  readonly message?: string;
  readonly params?: unknown;
}
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
type AjvClass = new (options: { allErrors: boolean; strictTypes: boolean }) => {
  compile(schema: object): ValidateFunction;
};

const validators = new Map<string, ValidateFunction>();

/**
 * Compiles a bundled Teams schema the way @microsoft/app-manifest's own validateAgainstSchema does
 * (ajv-draft-04, allErrors, ajv-formats uri/email/regex), with the ajv it depends on. Its API can't
 * be loaded under jest (it requires an ES-module-only dependency), so this repeats its few lines.
 */
function schemaValidator(version: string): ValidateFunction | undefined {
  const cached = validators.get(version);
  if (cached) return cached;
  const file = join(bundledSchemaDir(), `v${version}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) return undefined;
  const schema = JSON.parse(readFileSync(file, 'utf8')) as { $schema?: string };
  if (!schema.$schema?.includes('draft-04'))
    throw new Error(`${file} is not a draft-04 JSON schema: update validateManifest for it`);
  const fromAppManifest = createRequire(require.resolve('@microsoft/app-manifest'));
  const Ajv = (fromAppManifest('ajv-draft-04') as { default: AjvClass }).default;
  const addFormats = (
    fromAppManifest('ajv-formats') as { default: (ajv: InstanceType<AjvClass>, formats: string[]) => void }
  ).default;
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  validators.set(version, validate);
  return validate;
}

/**
 * Checks a manifest against the schema of its own manifestVersion, read from the files
 * @microsoft/app-manifest bundles. Offline: nothing fetches the $schema URL. Returns the problems,
 * as "/path message"; empty means valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string' || !/^1\.\d+$/.test(version))
    return [`/manifestVersion is ${JSON.stringify(version)}, not a schema version such as "1.30"`];
  const validate = schemaValidator(version);
  if (!validate) return [`/manifestVersion "${version}" is not a schema version @microsoft/app-manifest bundles`];
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params ?? {})}`,
  );
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
