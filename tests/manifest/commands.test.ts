import { readFileSync } from 'node:fs';
import { commands, parseCommand } from '../../bot/teams/commands';
import { TEMPLATE_PATH } from '../../scripts/package';
import type { Manifest } from './helpers';

// The command lists are read from the template: the package fills in only ids, names and the domain.
const manifest = JSON.parse(readFileSync(TEMPLATE_PATH, 'utf8')) as Manifest;
const lists = manifest.bots?.[0]?.commandLists ?? [];
const titles = lists.flatMap((l) => l.commands.map((c) => c.title));
const handled = Object.keys(commands);

describe("the manifest's command lists and the commands the bot handles", () => {
  test('there is a list for personal chats and one for teams and group chats', () => {
    expect(lists.map((l) => l.scopes)).toEqual([['personal'], ['team', 'groupChat']]);
  });

  test.each(titles.map((t) => [t]))('"%s" is a command the bot handles, and typing it runs that command', (title) => {
    const word = title.split(' ')[0]!;
    expect(handled).toContain(word);
    expect(parseCommand(title)?.name).toBe(word);
  });

  test.each(handled.map((c) => [c]))('the bot\'s "%s" command is in at least one list', (name) => {
    expect(titles.map((t) => t.split(' ')[0])).toContain(name);
  });

  test('no list repeats a command', () => {
    for (const list of lists) expect(new Set(list.commands.map((c) => c.title)).size).toBe(list.commands.length);
  });

  test('each list has at most 10 commands: within the schema (12 from 1.24) and the 10 that older Teams clients show', () => {
    for (const list of lists) expect(list.commands.length).toBeLessThanOrEqual(10);
  });

  test('every command has a description of at most 128 characters, the length Teams shows in full', () => {
    for (const list of lists) {
      for (const c of list.commands) {
        expect(c.description?.length ?? 0).toBeGreaterThan(10);
        expect(c.description!.length).toBeLessThanOrEqual(128);
      }
    }
  });
});
