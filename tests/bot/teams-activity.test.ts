import type { Activity } from 'botbuilder';
import { readTeamsActivity } from '../../bot/teams/teams-activity';
import { activity } from '../helpers/fixtures';
import type { FixtureName } from '../helpers/fixtures';

const TENANT = '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93';
const TEAM = '19:d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6@thread.tacv2';
const CHANNEL = '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2';
const PERSONAL = 'a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890';
const GROUP_CHAT = '19:8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b@thread.v2';
const MEETING_CHAT = '19:meeting_ZTE4ZGQ3YjEtOWM0NC00NDE3LWE5ZjItNWQ0ZTE3YzM5YjYx@thread.v2';
const MEETING = 'MCMxOTptZWV0aW5nX1pURTRaR1EzWWpFdE9XTTBOQzAwTkRFM0xXRTVaakl0TldRMFpURTNZek01WWpZeEB0aHJlYWQudjIjMA==';
const SAM = '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
const ALEX = '0b9a8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d';

const read = (name: FixtureName, changes: Record<string, unknown> = {}) =>
  readTeamsActivity(activity(name, 'https://smba.trafficmanager.net/emea/', changes) as Partial<Activity>);

describe('readTeamsActivity, on real Teams activities', () => {
  test('a channel message: the team, its channel as the place to post, and the team as the settings scope', () => {
    expect(read('channel-mention')).toEqual({
      tenantId: TENANT,
      teamId: TEAM,
      channelId: CHANNEL,
      meetingId: undefined,
      kind: 'channel',
      conversationId: `${CHANNEL};messageid=1763634041176`,
      conversationKey: CHANNEL,
      settingsScope: `team:${TEAM}`,
      inMeetingChat: false,
      actor: SAM,
      entraId: SAM,
    });
  });

  test("a team install comes from the team's General channel: no channel in channelData, so its conversation is the key", () => {
    expect(read('install-team')).toMatchObject({
      kind: 'channel',
      teamId: TEAM,
      channelId: undefined,
      conversationKey: TEAM,
      settingsScope: `team:${TEAM}`,
    });
  });

  test('a group chat: no team, the chat is the key and the settings scope', () => {
    expect(read('group-chat-message')).toEqual({
      tenantId: TENANT,
      teamId: undefined,
      channelId: undefined,
      meetingId: undefined,
      kind: 'groupChat',
      conversationId: GROUP_CHAT,
      conversationKey: GROUP_CHAT,
      settingsScope: `conversation:${GROUP_CHAT}`,
      inMeetingChat: false,
      actor: ALEX,
      entraId: ALEX,
    });
  });

  test('a personal chat', () => {
    expect(read('personal-message')).toMatchObject({
      kind: 'personal',
      conversationKey: PERSONAL,
      settingsScope: `conversation:${PERSONAL}`,
      teamId: undefined,
      tenantId: TENANT,
      actor: SAM,
    });
  });

  test('a meeting start: the meeting id from channelData, in a meeting chat', () => {
    expect(read('meeting-start')).toMatchObject({
      kind: 'groupChat',
      meetingId: MEETING,
      conversationKey: MEETING_CHAT,
      inMeetingChat: true,
      actor: ALEX,
    });
  });

  test('a meeting chat is known by its id even when Teams names no meeting', () => {
    expect(
      read('group-chat-message', { conversation: { conversationType: 'groupChat', id: MEETING_CHAT } }),
    ).toMatchObject({ meetingId: undefined, inMeetingChat: true });
  });

  test('a mixed-case tenant is lower-cased once, from channelData or, without it, from the conversation', () => {
    const upper = TENANT.toUpperCase();
    expect(read('personal-message', { channelData: { tenant: { id: upper } } }).tenantId).toBe(TENANT);
    expect(
      read('personal-message', {
        channelData: {},
        conversation: { conversationType: 'personal', id: PERSONAL, tenantId: 'ABC-Def' },
      }).tenantId,
    ).toBe('abc-def');
  });

  test('an Entra object id is lower-cased for comparing; the actor stays as Teams sent it', () => {
    const mixed = 'AbCdEf00-0000-4000-8000-000000000001';
    expect(read('personal-message', { from: { id: '29:x', aadObjectId: mixed } })).toMatchObject({
      actor: mixed,
      entraId: mixed.toLowerCase(),
    });
    expect(read('personal-message', { from: { id: '29:x' } })).toMatchObject({ actor: '29:x', entraId: undefined });
  });

  test('the value is frozen', () => {
    const value = read('channel-mention');
    expect(Object.isFrozen(value)).toBe(true);
  });
});

describe('readTeamsActivity, on activities that are not what Teams sends', () => {
  test.each([
    ['no channelData', { channelData: undefined }],
    ['channelData null', { channelData: null }],
    ['channelData a string', { channelData: 'team' }],
    [
      'ids that are not strings',
      { channelData: { team: { id: 7 }, channel: { id: {} }, tenant: { id: ['x'] }, meeting: { id: 1 } } },
    ],
    ['empty ids', { channelData: { team: { id: '' }, channel: { id: '' }, meeting: { id: '' } } }],
  ])('%s: no team, channel, meeting or channelData tenant, and no error', (_label, changes) => {
    const value = read('channel-mention', changes);
    expect(value).toMatchObject({
      teamId: undefined,
      channelId: undefined,
      meetingId: undefined,
      tenantId: TENANT,
      conversationKey: CHANNEL,
    });
  });

  test('no conversation and no sender: a personal chat with no key', () => {
    expect(readTeamsActivity({ type: 'message' })).toMatchObject({
      kind: 'personal',
      conversationKey: '',
      conversationId: undefined,
      settingsScope: 'conversation:unknown',
      tenantId: undefined,
      actor: undefined,
      entraId: undefined,
    });
  });
});
