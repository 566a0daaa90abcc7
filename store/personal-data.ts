import { toAuditEntry } from './audit';
import type { AuditEntry } from './audit';
import { changed, transaction } from './db';
import type { Db } from './db';

/** The word that replaces an erased person's id. */
export const ERASED = 'erased';

/** One person, as the store holds them: their Entra object id (audit log, schedules) and their voter codes (votes). */
export interface Person {
  readonly ids: readonly string[];
  readonly voterCodes: readonly string[];
}

export interface PersonalData {
  readonly audit: ReadonlyArray<AuditEntry>;
  readonly votes: ReadonlyArray<{
    readonly answerId: string;
    readonly entryId: string;
    readonly day: string;
    readonly helpful: boolean;
  }>;
  readonly schedulesCreated: ReadonlyArray<{
    readonly id: string;
    readonly conversationId: string;
    readonly teamId?: string;
    readonly kind: string;
    readonly status: string;
    readonly createdAt: Date;
  }>;
  /** A practice lead's personal chat, where their weekly digest goes. */
  readonly leadChats: ReadonlyArray<{
    readonly conversationId: string;
    readonly digestOn: boolean;
    readonly updatedAt: Date;
  }>;
}

export interface Erasure {
  readonly votesDeleted: number;
  readonly auditEntriesErased: number;
  readonly schedulesErased: number;
  /** The lead's personal-chat row and their weekly digests in the post log. */
  readonly leadChatsDeleted: number;
  readonly digestPostsDeleted: number;
}

/** What personalDataTables keeps: people's data rights. */
export interface PersonalDataStore {
  /** Everything stored about one person. */
  personalData(person: Person): Promise<PersonalData>;
  /** Deletes the person's votes and puts "erased" in place of their id in the audit log and on schedules they made. */
  erasePerson(person: Person): Promise<Erasure>;
}

/** One person's data, found and erased by their ids and voter codes; `open` throws once the store is closed. */
export function personalDataTables(db: Db, open: () => void): PersonalDataStore {
  return {
    async personalData(person: Person): Promise<PersonalData> {
      open();
      const ids = lower(person.ids);
      const audit =
        ids.length === 0
          ? []
          : await db.k
              .selectFrom('audit_log')
              .select(['scope_id', 'at', 'actor', 'action', 'detail'])
              .where((eb) => eb(eb.fn('lower', ['actor']), 'in', ids))
              .orderBy('at')
              .orderBy('id')
              .execute();
      const votes =
        person.voterCodes.length === 0
          ? []
          : await db.k
              .selectFrom('votes')
              .select(['answer_id', 'entry_id', 'day', 'helpful'])
              .where('voter', 'in', person.voterCodes)
              .orderBy('day')
              .orderBy('answer_id')
              .execute();
      const schedules =
        ids.length === 0
          ? []
          : await db.k
              .selectFrom('subscriptions')
              .select(['id', 'conversation_id', 'team_id', 'kind', 'status', 'created_at'])
              .where((eb) => eb(eb.fn('lower', ['created_by']), 'in', ids))
              .orderBy('created_at')
              .orderBy('id')
              .execute();
      const leadChats =
        ids.length === 0
          ? []
          : await db.k
              .selectFrom('lead_chats')
              .select(['conversation_id', 'digest_on', 'updated_at'])
              .where('lead_id', 'in', ids)
              .orderBy('lead_id')
              .execute();
      return {
        leadChats: leadChats.map((r) => ({
          conversationId: r.conversation_id,
          digestOn: Number(r.digest_on) === 1,
          updatedAt: new Date(Number(r.updated_at)),
        })),
        audit: audit.map(toAuditEntry),
        votes: votes.map((r) => ({
          answerId: r.answer_id,
          entryId: r.entry_id,
          day: r.day,
          helpful: Boolean(Number(r.helpful)),
        })),
        schedulesCreated: schedules.map((r) => ({
          id: r.id,
          conversationId: r.conversation_id,
          ...(r.team_id !== null && { teamId: r.team_id }),
          kind: r.kind,
          status: r.status,
          createdAt: new Date(Number(r.created_at)),
        })),
      };
    },

    async erasePerson(person: Person): Promise<Erasure> {
      open();
      const ids = lower(person.ids);
      const none = ids.length === 0;
      return transaction(db.k, async (tx) => ({
        votesDeleted:
          person.voterCodes.length === 0
            ? 0
            : changed(await tx.deleteFrom('votes').where('voter', 'in', person.voterCodes).executeTakeFirstOrThrow()),
        auditEntriesErased: none
          ? 0
          : changed(
              await tx
                .updateTable('audit_log')
                .set({ actor: ERASED })
                .where((eb) => eb(eb.fn('lower', ['actor']), 'in', ids))
                .executeTakeFirstOrThrow(),
            ),
        schedulesErased: none
          ? 0
          : changed(
              await tx
                .updateTable('subscriptions')
                .set({ created_by: ERASED })
                .where((eb) => eb(eb.fn('lower', ['created_by']), 'in', ids))
                .executeTakeFirstOrThrow(),
            ),
        leadChatsDeleted: none
          ? 0
          : changed(await tx.deleteFrom('lead_chats').where('lead_id', 'in', ids).executeTakeFirstOrThrow()),
        // A digest's slot key names the lead ("digest:<id>:<Monday>").
        digestPostsDeleted: none
          ? 0
          : changed(
              await tx
                .deleteFrom('post_log')
                .where((eb) => eb.or(ids.map((id) => eb('slot_key', 'like', `digest:${id}:%`))))
                .executeTakeFirstOrThrow(),
            ),
      }));
    },
  };
}

const lower = (ids: readonly string[]) => [
  ...new Set(ids.map((id) => id.trim().toLowerCase()).filter((id) => id !== '' && id !== ERASED)),
];
