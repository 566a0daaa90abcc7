import { createHash } from 'node:crypto';

/**
 * The one-way code a person's feedback votes are stored under: enough to replace their vote, not
 * enough to say who they are. Made from their Entra object id (Teams id when there is none). The
 * data export and erase commands make the same code from the id they are given.
 */
export function voterCode(userId: string): string {
  return createHash('sha256').update(`practice-companion/vote/${userId}`).digest('base64url');
}
