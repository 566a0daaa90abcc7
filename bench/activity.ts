/** A personal-chat message from a test user, as JSON, answered in the HTTP response (expectReplies). */
export function benchMessage(text: string, id: string): string {
  return JSON.stringify({
    type: 'message',
    id,
    text,
    deliveryMode: 'expectReplies',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: '29:bench-user', aadObjectId: '00000000-0000-4000-8000-000000000001' },
    recipient: { id: '28:bench-bot' },
    conversation: { id: 'a:bench', conversationType: 'personal', tenantId: '00000000-0000-4000-8000-000000000002' },
    channelData: { tenant: { id: '00000000-0000-4000-8000-000000000002' } },
  });
}
