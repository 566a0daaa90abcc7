/** Who makes a change: the id the audit log records, and the Entra object id the permission rule reads. */
export interface Actor {
  /** As the audit log records them: the Entra object id when Teams gives one, else the Teams user id, else "unknown". */
  readonly id: string;
  /** The Entra object id, when Teams gave one. */
  readonly aadObjectId?: string;
}

/** A change that the permission rule did not allow; the bot says so and who can. */
export interface Refused {
  readonly kind: 'refused';
}
export const REFUSED: Refused = Object.freeze({ kind: 'refused' });

/**
 * The one rule for changing schedules and meeting openers: when ADMIN_AAD_IDS is set (`admins`, lower
 * case), only those people may; when it is not (null), any member of the team or chat may.
 */
export function mayChange(admins: ReadonlySet<string> | null, actor: Actor): boolean {
  return admins === null || admins.has((actor.aadObjectId ?? '').toLowerCase());
}
