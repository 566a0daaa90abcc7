// The offline check of a built manifest against the Teams JSON schema @microsoft/app-manifest bundles.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
