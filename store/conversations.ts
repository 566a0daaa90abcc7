import { transaction } from './db';
import type { Db } from './db';
import type { CONVERSATION_KINDS, Database } from './schema';

/** Where the bot can post: a Teams conversation reference (ids and the service URL, never text). */
export interface ConversationRecord {
  readonly id: string;
  readonly kind: (typeof CONVERSATION_KINDS)[number];
  readonly tenantId?: string;
  readonly teamId?: string;
  readonly serviceUrl: string;
  /** botbuilder's ConversationReference, as JSON. */
  readonly reference: Record<string, unknown>;
  readonly status: 'active' | 'gone';
  readonly goneReason?: string;
  readonly updatedAt: Date;
}

/** What conversationTables keeps. */
export interface ConversationStore {
  saveConversation(conversation: Omit<ConversationRecord, 'status' | 'updatedAt'>, at: Date): Promise<void>;
  conversation(id: string): Promise<ConversationRecord | undefined>;
  markConversationGone(id: string, reason: string, at: Date): Promise<void>;
  /** The bot was removed from a team: every channel of it is gone, and its subscriptions stop. */
  markTeamGone(teamId: string, reason: string, at: Date): Promise<void>;
  /** Conversations the bot is in now, by kind; channels are counted once per team. */
  conversationCounts(): Promise<{ personal: number; groupChat: number; teams: number }>;
}

const toConversation = (r: Database['conversations']): ConversationRecord => ({
  id: r.id,
  kind: r.kind,
  ...(r.tenant_id !== null && { tenantId: r.tenant_id }),
  ...(r.team_id !== null && { teamId: r.team_id }),
  serviceUrl: r.service_url,
  reference: parseReference(r.reference),
  status: r.status,
  ...(r.gone_reason !== null && { goneReason: r.gone_reason }),
  updatedAt: new Date(Number(r.updated_at)),
});

function parseReference(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('a stored conversation reference is not a JSON object');
  return { ...value };
}

/** Where the bot can post (conversations), and the console's count of them. */
export function conversationTables(db: Db, open: () => void): ConversationStore {
  return {
    async saveConversation(c, at) {
      open();
      await db.k
        .insertInto('conversations')
        .values({
          id: c.id,
          kind: c.kind,
          tenant_id: c.tenantId ?? null,
          team_id: c.teamId ?? null,
          service_url: c.serviceUrl,
          reference: JSON.stringify(c.reference),
          status: 'active',
          gone_reason: null,
          updated_at: at.getTime(),
        })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            tenant_id: eb.ref('excluded.tenant_id'),
            team_id: eb.ref('excluded.team_id'),
            service_url: eb.ref('excluded.service_url'),
            reference: eb.ref('excluded.reference'),
            status: 'active',
            gone_reason: null,
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },
    async conversation(id) {
      open();
      const row = await db.k.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toConversation(row);
    },
    async markConversationGone(id, reason, at) {
      open();
      await db.k
        .updateTable('conversations')
        .set({ status: 'gone', gone_reason: reason, updated_at: at.getTime() })
        .where('id', '=', id)
        .execute();
    },
    async markTeamGone(teamId, reason, at) {
      open();
      await transaction(db.k, async (tx) => {
        await tx
          .updateTable('conversations')
          .set({ status: 'gone', gone_reason: reason, updated_at: at.getTime() })
          .where('team_id', '=', teamId)
          .execute();
        await tx
          .updateTable('subscriptions')
          .set({ status: 'inactive', inactive_reason: reason, next_slot_at: null })
          .where('team_id', '=', teamId)
          .where('status', 'in', ['active', 'paused'])
          .execute();
      });
    },
    async conversationCounts() {
      open();
      const rows = await db.k
        .selectFrom('conversations')
        .select((eb) => [
          'kind',
          eb.fn.countAll().as('n'),
          eb.fn.count(eb.fn.coalesce('team_id', 'id')).distinct().as('teams'),
        ])
        .where('status', '=', 'active')
        .groupBy('kind')
        .execute();
      const of = (kind: string) => rows.find((r) => r.kind === kind);
      return {
        personal: Number(of('personal')?.n ?? 0),
        groupChat: Number(of('groupChat')?.n ?? 0),
        teams: Number(of('channel')?.teams ?? 0),
      };
    },
  };
}
