import { toAuditEntry } from './audit';
import type { AuditEntry } from './audit';
import { transaction } from './db';
import type { Db } from './db';
import { erase, personalChatsOf, settingsScope, lower } from './erasure';
import type { Erasure } from './erasure';

/** One person, as the store holds them: their Entra object id (audit log, schedules, editor) and their voter codes (votes). */
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
  /** Their personal (one-to-one) chats with the bot: the address kept to post there, and its settings. */
  readonly personalChats: ReadonlyArray<{
    readonly conversationId: string;
    readonly kind: string;
    readonly status: string;
    readonly updatedAt: Date;
    readonly settings: { readonly frameworkId?: string; readonly meetingOpeners?: string };
  }>;
  /** Framework versions they published in the console. */
  readonly frameworkVersionsPublished: ReadonlyArray<{
    readonly frameworkId: string;
    readonly version: number;
    readonly note: string;
    readonly publishedAt: Date;
  }>;
  /** Console drafts they saved last. */
  readonly frameworkDraftsSaved: ReadonlyArray<{ readonly frameworkId: string; readonly updatedAt: Date }>;
}

/** What personalDataTables keeps: people's data rights. */
export interface PersonalDataStore {
  /** Everything stored about one person. */
  personalData(person: Person): Promise<PersonalData>;
  /**
   * Deletes what is theirs alone (votes, their personal chat with its settings and digests, their lead
   * row), and puts "erased" in place of their id where the row is the team's (audit log, schedules,
   * framework versions and drafts). On SQLite the file is then rebuilt, so no old bytes remain.
   */
  erasePerson(person: Person): Promise<Erasure>;
}

const ms = (v: unknown) => new Date(Number(v));

/** One person's data, found and erased by their ids and voter codes; `open` throws once the store is closed. */
export function personalDataTables(db: Db, open: () => void): PersonalDataStore {
  return {
    async personalData(person: Person): Promise<PersonalData> {
      open();
      const ids = lower(person.ids);
      const k = db.k;
      const none = ids.length === 0;
      const audit = none
        ? []
        : await k
            .selectFrom('audit_log')
            .select(['scope_id', 'at', 'actor', 'action', 'detail'])
            .where((eb) => eb(eb.fn('lower', ['actor']), 'in', ids))
            .orderBy('at')
            .orderBy('id')
            .execute();
      const votes =
        person.voterCodes.length === 0
          ? []
          : await k
              .selectFrom('votes')
              .select(['answer_id', 'entry_id', 'day', 'helpful'])
              .where('voter', 'in', person.voterCodes)
              .orderBy('day')
              .orderBy('answer_id')
              .execute();
      const schedules = none
        ? []
        : await k
            .selectFrom('subscriptions')
            .select(['id', 'conversation_id', 'team_id', 'kind', 'status', 'created_at'])
            .where((eb) => eb(eb.fn('lower', ['created_by']), 'in', ids))
            .orderBy('created_at')
            .orderBy('id')
            .execute();
      const leadChats = none
        ? []
        : await k
            .selectFrom('lead_chats')
            .select(['conversation_id', 'digest_on', 'updated_at'])
            .where('lead_id', 'in', ids)
            .orderBy('lead_id')
            .execute();
      const chats = await personalChatsOf(k, ids);
      const conversations =
        chats.length === 0
          ? []
          : await k
              .selectFrom('conversations')
              .select(['id', 'kind', 'status', 'updated_at'])
              .where('id', 'in', chats)
              .orderBy('id')
              .execute();
      const settings =
        chats.length === 0
          ? []
          : await k
              .selectFrom('settings')
              .select(['scope_id', 'framework_id', 'meeting_openers'])
              .where('scope_id', 'in', chats.map(settingsScope))
              .execute();
      const versions = none
        ? []
        : await k
            .selectFrom('framework_versions')
            .select(['framework_id', 'version', 'note', 'published_at'])
            .where((eb) =>
              eb.or([
                eb(eb.fn('lower', ['published_by']), 'in', ids),
                ...ids.map((id) => eb('drafted_by', 'like', `%${id}%`)),
              ]),
            )
            .orderBy('framework_id')
            .orderBy('version')
            .execute();
      const drafts = none
        ? []
        : await k
            .selectFrom('framework_drafts')
            .select(['framework_id', 'updated_at'])
            .where((eb) =>
              eb.or([
                eb(eb.fn('lower', ['updated_by']), 'in', ids),
                ...ids.map((id) => eb('editors', 'like', `%${id}%`)),
              ]),
            )
            .orderBy('framework_id')
            .execute();
      return {
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
          createdAt: ms(r.created_at),
        })),
        leadChats: leadChats.map((r) => ({
          conversationId: r.conversation_id,
          digestOn: Number(r.digest_on) === 1,
          updatedAt: ms(r.updated_at),
        })),
        personalChats: conversations.map((r) => {
          const s = settings.find((x) => x.scope_id === settingsScope(r.id));
          return {
            conversationId: r.id,
            kind: r.kind,
            status: r.status,
            updatedAt: ms(r.updated_at),
            settings: {
              ...(s?.framework_id != null && { frameworkId: s.framework_id }),
              ...(s?.meeting_openers != null && { meetingOpeners: s.meeting_openers }),
            },
          };
        }),
        frameworkVersionsPublished: versions.map((r) => ({
          frameworkId: r.framework_id,
          version: Number(r.version),
          note: r.note,
          publishedAt: ms(r.published_at),
        })),
        frameworkDraftsSaved: drafts.map((r) => ({ frameworkId: r.framework_id, updatedAt: ms(r.updated_at) })),
      };
    },

    async erasePerson(person: Person): Promise<Erasure> {
      open();
      const erasure = await transaction(db.k, (tx) => erase(tx, lower(person.ids), person.voterCodes));
      await db.clearDeleted({ rebuild: true });
      return erasure;
    },
  };
}
