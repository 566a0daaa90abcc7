// The floor any botbuilder bot pays: CloudAdapter on restify, echoing the text back. Used only by
// bench/http.ts, to compare against Practice Companion in the same run. (bench/ may import
// botbuilder and restify for this; the product code does so only in bot/.)
// With "reuse-clients" it uses Practice Companion's ReusingClientsAuthentication, for a like-for-like comparison.
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Request as BotRequest } from 'botbuilder';
import { ReusingClientsAuthentication } from '../bot/platform/adapter';

const port = Number(process.argv[2] ?? 3999);
const adapter = new CloudAdapter(
  process.argv[3] === 'reuse-clients'
    ? new ReusingClientsAuthentication({})
    : new ConfigurationBotFrameworkAuthentication({}),
);
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  await next();
});
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  // restify types `method` as `string | undefined`, botbuilder as an optional string: the same thing at run time.
  await adapter.process(req as BotRequest, res, (context) => bot.run(context));
});
server.listen(port, '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => process.exit(0));
