import type { Migration } from './migration';

export const migration: Migration = {
  version: 3,
  name: 'conversation references without the chat title; secrets (the answer id key)',
  statements: [
    `CREATE TABLE secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
  ],
  // A group chat's title is text people typed: earlier versions kept it in the reference.
  apply: async (tx) => {
    const rows = await tx
      .selectFrom('conversations')
      .select(['id', 'reference'])
      .where('reference', 'like', '%"name"%')
      .execute();
    for (const row of rows) {
      const reference: unknown = JSON.parse(row.reference);
      if (typeof reference !== 'object' || reference === null || !('conversation' in reference)) continue;
      const conversation: unknown = reference.conversation;
      if (typeof conversation !== 'object' || conversation === null || !('name' in conversation)) continue;
      delete conversation.name;
      await tx
        .updateTable('conversations')
        .set({ reference: JSON.stringify(reference) })
        .where('id', '=', row.id)
        .execute();
    }
  },
};
