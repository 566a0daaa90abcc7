import type { Turn } from '../platform/types';
import type { Framework } from '../../knowledge/kb/model';
import type { BotDeps } from '../deps';
import { teamsActivity } from './teams-activity';

/** The framework this team or chat uses: its own choice, else the configured default, else the first. */
export async function currentFramework(context: Turn, deps: BotDeps): Promise<Framework> {
  const chosen = await deps.store.frameworkFor(teamsActivity(context).settingsScope);
  const framework =
    (chosen !== undefined ? deps.kb.framework(chosen) : undefined) ??
    (deps.config.defaultFramework !== undefined ? deps.kb.framework(deps.config.defaultFramework) : undefined) ??
    deps.kb.frameworks[0];
  if (!framework) throw new Error('the knowledge base has no frameworks');
  return framework;
}

/**
 * The framework this team or chat answers from: its own choice, else the configured default, else the
 * only one served. Undefined when several are served and none was chosen or configured: then questions
 * are answered from the best match across them, labelled, and the choice is offered (never a silent default).
 */
export async function placeFramework(context: Turn, deps: BotDeps): Promise<Framework | undefined> {
  const chosen = await deps.store.frameworkFor(teamsActivity(context).settingsScope);
  return (
    (chosen !== undefined ? deps.kb.framework(chosen) : undefined) ??
    (deps.config.defaultFramework !== undefined ? deps.kb.framework(deps.config.defaultFramework) : undefined) ??
    (deps.kb.frameworks.length === 1 ? deps.kb.frameworks[0] : undefined)
  );
}

/** Finds a framework by id, short name or alias ("jersey", "Barking & Dagenham", "lbbd"). */
export function findFramework(name: string, deps: BotDeps): Framework | undefined {
  const wanted = name.trim().toLowerCase();
  return deps.kb.frameworks.find(
    (f) => f.id === wanted || f.shortName.toLowerCase() === wanted || f.aliases.some((a) => a.toLowerCase() === wanted),
  );
}

/**
 * True on a first run where the team or chat must be asked which framework it uses: more than one
 * framework served, none configured (DEFAULT_FRAMEWORK), and none chosen here yet.
 */
export async function frameworkUnchosen(context: Turn, deps: BotDeps): Promise<boolean> {
  if (deps.kb.frameworks.length <= 1 || deps.config.defaultFramework !== undefined) return false;
  return (await deps.store.frameworkFor(teamsActivity(context).settingsScope)) === undefined;
}

/** Records this team's or chat's choice of framework, as made by whoever sent this turn. */
export async function chooseFramework(context: Turn, deps: BotDeps, framework: Framework): Promise<void> {
  await deps.store.setFramework({
    scopeId: teamsActivity(context).settingsScope,
    frameworkId: framework.id,
    changedBy: teamsActivity(context).actor ?? 'unknown',
    at: deps.clock.now(),
  });
}
