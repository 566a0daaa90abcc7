import type { z } from 'zod';
import type { Entry, KnowledgeBase } from '../knowledge/kb/model';
import { openVerbSchema } from './actions';
import { MAX_SUMMARY_LENGTH, shorten } from './card-message';

/**
 * What a preview's tap sends back in `composeExtension/selectItem`, and the one place it is checked.
 * Anything else is treated as tampered with.
 */
export const selectItemSchema = openVerbSchema;
export type SelectItemData = z.infer<typeof selectItemSchema>;

/** Why an entry is in the list the compose box shows before anything is typed. */
export const PREVIEW_LABELS = Object.freeze({
  thisWeek: 'This week',
  mostAsked: 'Most asked',
  startWith: 'Start here',
});
export type PreviewLabel = keyof typeof PREVIEW_LABELS;

/** A thumbnail card, as Teams shows one search result in the compose box's list. */
export interface ThumbnailPreview {
  readonly title: string;
  readonly subtitle: string;
  readonly text: string;
  /** Picking the result sends `value` to the bot as a `composeExtension/selectItem` invoke. */
  readonly tap: { readonly type: 'invoke'; readonly value: SelectItemData };
}

export interface ExtensionPreviewInput {
  readonly kb: KnowledgeBase;
  readonly entry: Entry;
  readonly label?: PreviewLabel;
}

/** "Be professionally curious" / "Barking & Dagenham · Principle 7" / its summary: one line of the result list. */
export function extensionPreview({ kb, entry, label }: ExtensionPreviewInput): ThumbnailPreview {
  const framework = kb.framework(entry.frameworkId)?.shortName ?? entry.frameworkId;
  const subtitle = [...(label ? [PREVIEW_LABELS[label]] : []), framework, kindLabel(entry)].join(' · ');
  return {
    title: entry.title,
    subtitle,
    text: shorten(entry.summary, MAX_SUMMARY_LENGTH),
    tap: { type: 'invoke', value: { entryId: entry.id } },
  };
}

/** "Principle 7", or "Approach" where the source gives no number. */
export function kindLabel(entry: Entry): string {
  const kind = entry.kind.charAt(0).toUpperCase() + entry.kind.slice(1);
  return entry.number === undefined ? kind : `${kind} ${entry.number}`;
}
