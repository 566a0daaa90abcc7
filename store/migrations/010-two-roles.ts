import type { Migration } from './migration';

export const migration: Migration = {
  version: 10,
  name: 'two pairs of eyes: who edited a draft, who drafted a version, and sign-offs and undos as versions',
  statements: [
    // Everyone who saved into the draft (comma-separated Entra object ids): where approvers are set,
    // none of them may publish it. NULL for a draft saved before this migration.
    `ALTER TABLE framework_drafts ADD COLUMN editors TEXT`,
    // The name the last saver's sign-in gave (the token's name claim), so a lead about to discard or
    // replace the draft is told whose it is. NULL when the sign-in gave none.
    `ALTER TABLE framework_drafts ADD COLUMN updated_by_name TEXT`,
    // Who edited the draft a version was published from (comma-separated ids); NULL for a sign-off.
    `ALTER TABLE framework_versions ADD COLUMN drafted_by TEXT`,
    // NULL for a publish of a draft; 'sign-off' for a content review signed off in the console.
    `ALTER TABLE framework_versions ADD COLUMN kind TEXT`,
  ],
};
