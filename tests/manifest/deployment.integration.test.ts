// No Bicep compiler or Azure CLI exists offline here, and nothing can be provisioned from this
// machine. These tests check what can be checked: the Toolkit project file, the parameters, the
// template's names and settings, and that they agree with each other and with the service.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { CONFIG_SETTINGS } from '../../bot/config';
import { CLI_OPTIONS, DEFAULT_OUT_FILE } from '../../scripts/package';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Step {
  readonly uses: string;
  readonly name?: string;
  readonly with?: Record<string, unknown>;
  readonly writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  readonly version: string;
  readonly environmentFolderPath: string;
  readonly provision: Step[];
  readonly deploy: Step[];
  readonly publish: Step[];
}

const project = parseYaml(read('m365agents.yml')) as Project;
const stages = { provision: project.provision, deploy: project.deploy, publish: project.publish };
const envFile = parseDotenv(read('env/.env.dev'));
const bicep = read('infra/azure.bicep');
const parameters = (
  JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> }
).parameters;

/** Bicep source without comments or string contents, for counting brackets. */
function codeOnly(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (c === "'") {
      for (i++; i < source.length && source[i] !== "'"; i++) if (source[i] === '\\') i++;
      out += "''";
    } else out += c;
  }
  return out;
}
const bicepCode = codeOnly(bicep);
const bicepParams = new Map(
  [...bicep.matchAll(/^param (\w+) (\w+)( = .*)?$/gm)].map((m) => [
    m[1]!,
    { type: m[2]!, hasDefault: m[3] !== undefined },
  ]),
);
const bicepOutputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
const placeholders = (text: string) => [...text.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);

const TOOLKIT_ACTIONS = [
  'teamsApp/create',
  'aadApp/create',
  'aadApp/update',
  'arm/deploy',
  'cli/runNpmCommand',
  'teamsApp/validateAppPackage',
  'teamsApp/update',
  'azureAppService/zipDeploy',
  'teamsApp/publishAppPackage',
];

describe('m365agents.yml, the Agents Toolkit project', () => {
  test('declares its schema version and uses env/ for environments', () => {
    expect(project.version).toBe('v1.11');
    expect(read('m365agents.yml')).toContain('$schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json');
    expect(existsSync(join(ROOT, project.environmentFolderPath, '.env.dev'))).toBe(true);
  });

  test('uses only Toolkit actions this file was written for', () => {
    for (const step of Object.values(stages).flat()) expect(TOOLKIT_ACTIONS).toContain(step.uses);
  });

  test('provision creates the Teams app id, then deploys infra/azure.bicep with its parameters file', () => {
    expect(project.provision[0]).toMatchObject({
      uses: 'teamsApp/create',
      writeToEnvironmentFile: { teamsAppId: 'TEAMS_APP_ID' },
    });
    const arm = project.provision.find((s) => s.uses === 'arm/deploy');
    expect(arm?.with?.['templates']).toEqual([
      {
        path: './infra/azure.bicep',
        parameters: './infra/azure.parameters.json',
        deploymentName: 'practice-companion',
      },
    ]);
  });

  test('every file it names exists', () => {
    const paths = JSON.stringify(project).match(/"\.\/[^"$]+"/g) ?? [];
    expect(paths.length).toBeGreaterThan(3);
    for (const path of paths) {
      const p = JSON.parse(path) as string;
      if (p.startsWith('./build/')) continue; // made by the package step
      expect(existsSync(join(ROOT, p))).toBe(true);
    }
  });

  test('builds the app package with `npm run package`, passing only flags the script knows, and uploads that zip', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['package']).toBe('tsx scripts/package.ts');
    const runs = Object.values(stages)
      .flat()
      .filter((s) => s.uses === 'cli/runNpmCommand' && String(s.with?.['args']).startsWith('run package'));
    expect(runs).toHaveLength(2);
    for (const run of runs) {
      const flags = [...String(run.with?.['args']).matchAll(/--([a-z-]+)/g)].map((m) => m[1]!);
      expect(flags).toEqual(['teams-app-id', 'bot-id', 'domain', 'console-client-id']);
      for (const flag of flags) expect(Object.keys(CLI_OPTIONS)).toContain(flag);
    }
    const zips = Object.values(stages)
      .flat()
      .map((s) => s.with?.['appPackagePath'])
      .filter((p) => p !== undefined);
    expect(new Set(zips)).toEqual(new Set([`./${relative(ROOT, DEFAULT_OUT_FILE)}`]));
  });

  test.each(Object.keys(stages) as Array<keyof typeof stages>)(
    'in %s, every ${{VARIABLE}} is declared in env/.env.dev or written by an earlier step',
    (stage) => {
      const known = new Set(Object.keys(envFile));
      // provision's writes persist in the environment file, so later stages can use them.
      const writtenByProvision = project.provision.flatMap((s) => [
        ...Object.values(s.writeToEnvironmentFile ?? {}),
        ...(s.uses === 'arm/deploy' ? bicepOutputs : []),
      ]);
      if (stage !== 'provision') writtenByProvision.forEach((v) => known.add(v));
      for (const step of stages[stage]) {
        for (const name of placeholders(JSON.stringify(step.with ?? {})))
          expect([step.uses, name, known.has(name)]).toEqual([step.uses, name, true]);
        if (step.uses === 'arm/deploy') {
          for (const name of placeholders(read('infra/azure.parameters.json')))
            expect(['azure.parameters.json', name, known.has(name)]).toEqual(['azure.parameters.json', name, true]);
          bicepOutputs.forEach((o) => known.add(o));
        }
        Object.values(step.writeToEnvironmentFile ?? {}).forEach((v) => known.add(v));
      }
    },
  );

  test('env/.env.dev lists, empty, every value provision and publish write, and holds no secrets', () => {
    const written = [
      ...Object.values(stages)
        .flat()
        .flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})),
      ...bicepOutputs,
    ];
    for (const name of written) expect([name, envFile[name]]).toEqual([name, '']);
    expect(Object.keys(envFile).filter((k) => /SECRET|PASSWORD/i.test(k))).toEqual([]);
    expect(read('env/.gitignore')).toContain('.env.*.user');
  });
});

describe('infra/azure.bicep and its parameters', () => {
  test('every parameter in azure.parameters.json is a param of the template, and every param without a default is given', () => {
    for (const name of Object.keys(parameters)) expect([name, bicepParams.has(name)]).toEqual([name, true]);
    for (const [name, p] of bicepParams) if (!p.hasDefault) expect(Object.keys(parameters)).toContain(name);
  });

  test('registers the bot as UserAssignedMSI (the default) or SingleTenant, never MultiTenant', () => {
    expect(bicep).toContain(
      "@allowed(['UserAssignedMSI', 'SingleTenant'])\nparam botAppType string = 'UserAssignedMSI'",
    );
    expect(parameters['botAppType']?.value).toBe('UserAssignedMSI');
    expect(bicep).not.toMatch(/MultiTenant'/);
    expect(bicep).toContain('msaAppType: botAppType');
    expect(bicep).toContain('msaAppMSIResourceId: identity.id');
  });

  test('runs Node 24 (or 22) on Linux App Service, always on, HTTPS only, and connects the bot to Teams', () => {
    // Node 20 reached end of life on 30 April 2026.
    expect(bicep).toContain("@allowed(['24-lts', '22-lts'])\nparam nodeVersion string = '24-lts'");
    expect(bicep).toContain("linuxFxVersion: 'NODE|${nodeVersion}'");
    expect(bicep).toContain('alwaysOn: true');
    expect(bicep).toContain('httpsOnly: true');
    expect(bicep).toContain("endpoint: 'https://${web.properties.defaultHostName}/api/messages'");
    expect(bicep).toContain("channelName: 'MsTeamsChannel'");
  });

  test('creates PostgreSQL only when asked, and then gives the service its DATABASE_URL', () => {
    expect(bicep).toMatch(/resource postgres '[^']+' = if \(usePostgres\)/);
    expect(bicep).toMatch(/var databaseSettings = usePostgres\s+\? \[\{ name: 'DATABASE_URL'/);
    expect(parameters['usePostgres']?.value).toBe(false);
  });

  test("every app setting it sets is one the service reads in bot/config, or App Service's own", () => {
    const configReads = new Set<string>(CONFIG_SETTINGS);
    const settings = [...bicep.matchAll(/\{ name: '(\w+)', value: /g)].map((m) => m[1]!);
    expect(settings).toEqual(
      expect.arrayContaining([
        'NODE_ENV',
        'MicrosoftAppId',
        'MicrosoftAppType',
        'MicrosoftAppTenantId',
        'ALLOWED_TENANTS',
        'DATABASE_URL',
      ]),
    );
    const appServiceOwn = ['SCM_DO_BUILD_DURING_DEPLOYMENT', 'CUSTOM_BUILD_COMMAND'];
    for (const name of settings)
      expect([name, configReads.has(name) || appServiceOwn.includes(name)]).toEqual([name, true]);
    expect(bicep).toContain("{ name: 'NODE_ENV', value: 'production' }");
  });

  test('App Service checks /readyz; Application Insights is created, and its connection string given to the service, only when asked', () => {
    expect(bicep).toContain("healthCheckPath: '/readyz'");
    expect(bicep).toMatch(/resource insights 'Microsoft\.Insights\/components@[^']+' = if \(useApplicationInsights\)/);
    expect(bicep).toMatch(
      /var monitoringSettings = useApplicationInsights \? \[\{ name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights\.properties\.ConnectionString \}\] : \[\]/,
    );
    expect(bicep).toContain('concat(baseSettings, passwordSettings, databaseSettings, monitoringSettings)');
    expect(parameters['useApplicationInsights']?.value).toBe(false);
  });

  test('builds once, before deploying: the Toolkit compiles dist/ and App Service only installs production dependencies and runs dist/', () => {
    const deploy = project.deploy.map((step) => `${step.uses} ${String(step.with?.['args'] ?? '')}`.trim());
    expect(deploy).toEqual([
      'cli/runNpmCommand ci --no-audit --no-fund',
      'cli/runNpmCommand run build',
      'azureAppService/zipDeploy',
    ]);
    expect(bicep).toContain("{ name: 'CUSTOM_BUILD_COMMAND', value: 'npm ci --omit=dev --no-audit --no-fund' }");
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; engines: { node: string } };
    // The young generation bounded (docs/performance.md, "Memory over a long run"), alike in both places.
    expect(pkg.scripts['start']).toBe('node --max-semi-space-size=16 bin/start.js');
    expect(bicep).toContain(`appCommandLine: '${pkg.scripts['start']}'`);
    expect(pkg.scripts['build']).toBe('node bin/build.js');
    expect(pkg.engines.node).toBe('>=22');
    expect(read('.nvmrc').trim()).toBe('24');
  });

  test('outputs what the package step and deploy need', () => {
    expect(bicepOutputs).toEqual(expect.arrayContaining(['BOT_ID', 'APP_DOMAIN', 'AZURE_APP_SERVICE_RESOURCE_ID']));
  });

  test('has balanced brackets, braces and parentheses (a syntax check short of a Bicep compiler)', () => {
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    const stack: string[] = [];
    for (const c of bicepCode) {
      if ('([{'.includes(c)) stack.push(c);
      else if (c in pairs) expect(stack.pop()).toBe(pairs[c]);
    }
    expect(stack).toEqual([]);
  });
});

describe('infra/.webappignore, what zip deploy leaves out', () => {
  const patterns = read('infra/.webappignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const ignored = (path: string) =>
    patterns.some((p) =>
      new RegExp(
        `^${p
          .replace(/\/$/, '')
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')}$`,
      ).test(path.split('/')[0]!),
    );

  test('leaves out node_modules (App Service installs them for Linux), the data folder, secrets, tests and their kit', () => {
    for (const path of ['node_modules', 'data', '.env', 'tests', 'testkit', 'bench', 'scripts', 'build', 'env'])
      expect([path, ignored(path)]).toEqual([path, true]);
  });

  test('keeps everything the service runs: the compiled service in dist/, and the sources it was built from', () => {
    for (const path of [
      'dist',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'bot',
      'cards',
      'knowledge',
      'store',
      'schedule',
      'time',
      'tab',
      'bin',
      'manifest',
    ]) {
      expect([path, ignored(path)]).toEqual([path, false]);
    }
  });
});
