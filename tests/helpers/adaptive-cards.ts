import type * as AdaptiveCards from 'adaptivecards';

/*
 * How the library is loaded in Node: the package's `main` is lib/adaptivecards.js, an ES module
 * whose imports have no file extensions ("./card-elements"), which Node cannot resolve. The
 * webpack bundle dist/adaptivecards.js is a UMD build that takes the CommonJS branch under
 * `require`, and it only touches `window`/`document` behind `typeof` checks or when rendering
 * to HTML, so parsing and validating need no DOM shim. The types come from lib/ (the same
 * source, version 3.0.6); the bundle's own .d.ts declares ambient modules and cannot be imported.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC: typeof AdaptiveCards = require('adaptivecards/dist/adaptivecards.js');

/**
 * What the Adaptive Cards parser says about a card at schema 1.5: parse events (unknown element
 * or action types, unsupported properties) and then validation events (duplicate ids, missing
 * required properties, more actions in one set than the host allows). Empty means the card is clean.
 * The reference host config allows 5 actions per set, one fewer than Teams, so this is the stricter check.
 */
export function validateCard(card: object): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push(describe('parse', e.event, e.message));
  }
  for (const e of parsed.validateProperties().validationEvents) events.push(describe('validate', e.event, e.message));
  return events;
}

function describe(phase: string, event: AdaptiveCards.ValidationEvent, message: string): string {
  return `${phase}: ${AC.ValidationEvent[event]}: ${message}`;
}

/** The size of the card as sent: UTF-8 bytes of its JSON. Teams refuses messages over 28 KB. */
export function cardBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** One element or action of a card, as plain JSON. */
export type CardNode = Readonly<Record<string, unknown>> & { readonly type: string };

const isNode = (value: unknown): value is CardNode =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { type?: unknown }).type === 'string';

/**
 * Every object in the card, depth first, in the order the card gives them (body before card-level
 * actions): the one walk that every reader below uses. What a button sends (`data`, `msteams`) is not
 * part of what a person sees, and is left out.
 */
function objectsOf(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    found.push(record);
    for (const [key, v] of Object.entries(record)) if (key !== 'data' && key !== 'msteams') visit(v);
  };
  visit(card);
  return found;
}

/** Every element and action in the card, depth first, in reading order (body before card-level actions). */
export function nodesOf(card: object): CardNode[] {
  return objectsOf(card).filter((o): o is CardNode => o !== card && isNode(o));
}

/** All the text shown on a card (every text, title and value), joined: for asserting what a person would read. */
export function cardText(card: unknown): string {
  return objectsOf(card)
    .flatMap((o) => ['text', 'title', 'value'].flatMap((key) => (typeof o[key] === 'string' ? [o[key] as string] : [])))
    .join('\n');
}

/** The text of every TextBlock, in reading order. */
export const textsOf = (card: object): string[] =>
  nodesOf(card)
    .filter((n) => n.type === 'TextBlock')
    .map((n) => String(n.text));

export const actionsOf = (card: object, type?: string): CardNode[] =>
  nodesOf(card).filter((n) => n.type.startsWith('Action.') && (type === undefined || n.type === type));

/** An Action.Execute button: what it says, and what it sends back to the bot. */
export interface ExecuteAction extends CardNode {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The card's Action.Execute buttons, in reading order; none when there is no card. */
export const executeActionsOf = (card: unknown): ExecuteAction[] =>
  typeof card === 'object' && card !== null ? (actionsOf(card, 'Action.Execute') as ExecuteAction[]) : [];

/** The action with this title; fails the test when there is none. */
export function actionTitled(card: object, title: string): CardNode {
  const action = actionsOf(card).find((a) => a.title === title);
  if (!action)
    throw new Error(
      `No action titled "${title}"; the card has: ${actionsOf(card)
        .map((a) => String(a.title))
        .join(', ')}`,
    );
  return action;
}

export const nodeWithId = (card: object, id: string): CardNode | undefined => nodesOf(card).find((n) => n.id === id);

/**
 * The texts of the entry's full text, hidden on the card until the button titled `button` shows it:
 * fails the test unless that button toggles the container 'full-text' and the container starts hidden.
 */
export function hiddenFullText(card: object, button: string): string[] {
  expect(actionTitled(card, button)).toMatchObject({ type: 'Action.ToggleVisibility', targetElements: ['full-text'] });
  const container = nodeWithId(card, 'full-text');
  expect(container).toMatchObject({ type: 'Container', isVisible: false });
  return container ? textsOf({ body: [container] }) : [];
}

/** The titles of the buttons in the ActionSet that directly follows the TextBlock reading `heading`. */
export function buttonsUnder(card: object, heading: string): string[] {
  const nodes = nodesOf(card);
  const at = nodes.findIndex((n) => n.type === 'TextBlock' && n.text === heading);
  if (at < 0) return [];
  const set = nodes.slice(at + 1).find((n) => n.type === 'ActionSet');
  const actions = set?.actions;
  return Array.isArray(actions) ? actions.filter(isNode).map((a) => String(a.title)) : [];
}
