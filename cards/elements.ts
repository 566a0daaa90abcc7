/**
 * The few Adaptive Card parts our cards use, typed so a misspelt property fails to compile.
 * Names and values follow the schema at https://adaptivecards.io/explorer/ (version 1.5).
 */

import type { Verb } from './actions';

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly size?: 'Small' | 'Default' | 'Medium' | 'Large';
  readonly weight?: 'Bolder';
  readonly isSubtle?: boolean;
  readonly color?: 'Attention' | 'Accent' | 'Good' | 'Warning' | 'Default';
  readonly style?: 'heading';
  readonly spacing?: 'None' | 'Small' | 'Medium' | 'Large';
}

export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: object;
}

export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: Verb;
  readonly data: object;
}

export interface ToggleAction {
  readonly type: 'Action.ToggleVisibility';
  readonly title: string;
  readonly targetElements: readonly string[];
}

/** Opens a web page: only for links a practice lead put in the knowledge base (https). */
export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export type Action = SubmitAction | ExecuteAction | ToggleAction | OpenUrlAction;

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly Action[];
}

export interface Container {
  readonly type: 'Container';
  readonly id?: string;
  readonly isVisible?: false;
  readonly items: readonly Element[];
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
}

/** Form inputs (the schedule form). `label` is what screen readers announce. */
export interface Input {
  readonly type: 'Input.Text' | 'Input.ChoiceSet' | 'Input.Time' | 'Input.Date' | 'Input.Number';
  readonly id: string;
  readonly label: string;
  readonly value?: string;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
  readonly placeholder?: string;
  readonly isMultiSelect?: boolean;
  readonly style?: 'compact' | 'expanded';
  readonly choices?: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly min?: number | string;
  readonly max?: number | string;
}

export type Element = TextBlock | ActionSet | Container | FactSet | Input;

type TextOptions = Omit<TextBlock, 'type' | 'text' | 'wrap'>;

/** Every block of text wraps: the readers are mostly on phones. */
export const text = (value: string, options: TextOptions = {}): TextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...options,
});

export const title = (value: string): TextBlock => text(value, { size: 'Large', weight: 'Bolder', style: 'heading' });

/** The opening line of a card that has no entry title, such as "I'm not sure I have an answer to that." */
export const lead = (value: string): TextBlock => text(value, { size: 'Medium', weight: 'Bolder', style: 'heading' });

export const heading = (value: string): TextBlock => text(value, { weight: 'Bolder', spacing: 'Medium' });

export const subtle = (value: string): TextBlock => text(value, { isSubtle: true, spacing: 'None' });

export const small = (value: string): TextBlock => text(value, { size: 'Small', isSubtle: true });

/**
 * Buttons in a row. Hosts cap how many one set shows (5 in the reference renderer, 6 in Teams),
 * so callers keep each set short, and lists use one set per button.
 */
export const actionSet = (actions: readonly Action[]): ActionSet => ({ type: 'ActionSet', actions });

export const factSet = (facts: ReadonlyArray<readonly [string, string]>): FactSet => ({
  type: 'FactSet',
  facts: facts.map(([factTitle, value]) => ({ title: factTitle, value })),
});
