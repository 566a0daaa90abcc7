import type restify from 'restify';

// GET /privacy and GET /terms (issue #6). Being built.
export function registerLegalPages(_server: restify.Server): void {}
