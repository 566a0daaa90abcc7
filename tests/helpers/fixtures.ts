import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FixtureName =
  | 'personal-message'
  | 'channel-mention'
  | 'group-chat-message'
  | 'install-team'
  | 'install-personal'
  | 'adaptive-card-action'
  | 'adaptive-card-action-channel'
  | 'meeting-start'
  | 'meeting-end';

/** A real Teams activity from tests/fixtures/activities, with changes applied and its serviceUrl pointed at `serviceUrl`. */
export function activity(name: FixtureName, serviceUrl: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const json = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'activities', `${name}.json`), 'utf8')) as Record<string, unknown>;
  return { ...json, ...changes, serviceUrl };
}

/** The Adaptive Card attached to a sent activity, or undefined. */
export function cardOf(sent: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const attachments = sent?.['attachments'] as Array<{ contentType?: string; content?: Record<string, unknown> }> | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** All the text shown on a card, joined: for asserting what a person would read. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value']) if (typeof o[key] === 'string') out.push(o[key] as string);
      for (const [key, v] of Object.entries(o)) if (key !== 'data' && key !== 'msteams') walk(v);
    }
  };
  walk(card);
  return out.join('\n');
}
