import type { KnowledgeBase } from '../knowledge/kb/model';
import { onlyFrameworks } from '../knowledge/kb/model';
import { ConfigError } from './config';
import type { Config } from './config';

/**
 * The knowledge this deployment serves: the frameworks FRAMEWORKS names, or all of them. An authority
 * running its own copy serves its own framework, and nobody there sees another's.
 */
export function servedKnowledgeBase(
  kb: KnowledgeBase,
  config: Pick<Config, 'frameworks' | 'defaultFramework'>,
): KnowledgeBase {
  const known = kb.frameworks.map((f) => f.id);
  const served = config.frameworks ?? known;
  const unknown = served.find((id) => !kb.framework(id));
  if (unknown !== undefined)
    throw new ConfigError(
      'FRAMEWORKS',
      `"${unknown}" is not a framework in the knowledge folder: use one of ${known.join(', ')}, separated by commas`,
    );
  if (config.defaultFramework !== undefined && !served.includes(config.defaultFramework)) {
    throw new ConfigError(
      'DEFAULT_FRAMEWORK',
      `"${config.defaultFramework}" is not one of the frameworks served (FRAMEWORKS=${served.join(',')}): choose one of those, or add it to FRAMEWORKS`,
    );
  }
  return served.length === known.length ? kb : onlyFrameworks(kb, served);
}
