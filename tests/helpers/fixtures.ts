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

/** A real Teams activity from testkit/fixtures/activities, with changes applied and its serviceUrl pointed at `serviceUrl`. */
export function activity(
  name: FixtureName,
  serviceUrl: string,
  changes: Record<string, unknown> = {},
): Record<string, unknown> {
  const json = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'testkit', 'fixtures', 'activities', `${name}.json`), 'utf8'),
  ) as Record<string, unknown>;
  return { ...json, ...changes, serviceUrl };
}

/** The Adaptive Card attached to a sent activity, or undefined. */
export function cardOf(sent: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const attachments = sent?.['attachments'] as
    Array<{ contentType?: string; content?: Record<string, unknown> }> | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}
