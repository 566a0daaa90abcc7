import type { KnowledgeBase } from './model';
import { onlyFrameworks } from './model';

/** Which frameworks a deployment serves (FRAMEWORKS), and the one a new chat starts in (DEFAULT_FRAMEWORK). */
export interface ServedFrameworks {
  /** undefined serves every framework in the knowledge folder. */
  readonly frameworks?: readonly string[] | undefined;
  readonly defaultFramework?: string | undefined;
}

/** A choice of frameworks this knowledge cannot serve: names the setting, and says how to fix it. */
export class ServedFrameworksError extends Error {
  constructor(
    readonly variable: 'FRAMEWORKS' | 'DEFAULT_FRAMEWORK',
    readonly detail: string,
  ) {
    super(`${variable}: ${detail}`);
    this.name = 'ServedFrameworksError';
  }
}

/**
 * The knowledge this deployment serves: the frameworks FRAMEWORKS names, or all of them. An authority
 * running its own copy serves its own framework, and nobody there sees another's.
 */
export function servedKnowledgeBase(kb: KnowledgeBase, served: ServedFrameworks): KnowledgeBase {
  const known = kb.frameworks.map((f) => f.id);
  const ids = served.frameworks ?? known;
  const unknown = ids.find((id) => !kb.framework(id));
  if (unknown !== undefined)
    throw new ServedFrameworksError(
      'FRAMEWORKS',
      `"${unknown}" is not a framework in the knowledge folder: use one of ${known.join(', ')}, separated by commas`,
    );
  if (served.defaultFramework !== undefined && !ids.includes(served.defaultFramework)) {
    throw new ServedFrameworksError(
      'DEFAULT_FRAMEWORK',
      `"${served.defaultFramework}" is not one of the frameworks served (FRAMEWORKS=${ids.join(',')}): choose one of those, or add it to FRAMEWORKS`,
    );
  }
  return ids.length === known.length ? kb : onlyFrameworks(kb, ids);
}
