import type restify from 'restify';
import type { BotDeps } from '../deps';

// The "Framework" personal tab and its JSON API (issue #6). Being built.
export function registerTab(_server: restify.Server, _deps: BotDeps): void {}
