import { MEETING_OPENER_PART, scheduleCard } from '../../cards/schedule-card';
import { actionTitled, nodesOf, nodeWithId } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();
const form = (frameworkId: string) => scheduleCard({ kb, lines: [], frameworkId, timeZone: 'Europe/London' });
const input = (card: object, id: string) => nodesOf(card).find((n) => n.id === id);

describe('the schedule form', () => {
  test.each(['lbbd', 'jersey'])('is a valid card for %s', (id) => expectWellFormed(form(id)));

  test('offers only the kinds the chosen framework has, and defaults to one it has', () => {
    const jersey = input(form('jersey').card, 'content');
    expect((jersey?.choices as Array<{ value: string }>).map((c) => c.value)).toEqual(['ingredient']);
    expect(jersey?.value).toBe('ingredient');
    const lbbd = input(form('lbbd').card, 'content');
    expect((lbbd?.choices as Array<{ value: string }>).map((c) => c.value).sort()).toEqual([
      'approach',
      'principle',
      'value',
    ]);
    expect(['approach', 'principle', 'value']).toContain(lbbd?.value);
  });

  test("defaults to this place's framework and offers no other", () => {
    const framework = input(form('jersey').card, 'frameworkId');
    expect(framework?.value).toBe('jersey');
    expect(framework?.choices).toEqual([{ title: kb.framework('jersey')?.shortName, value: 'jersey' }]);
  });

  test('the meeting-minutes field is hidden until "Make it a meeting opener" shows it', () => {
    const { card } = form('lbbd');
    const part = nodeWithId(card, MEETING_OPENER_PART);
    expect(part).toMatchObject({ type: 'Container', isVisible: false });
    expect(nodesOf(part ?? {}).some((n) => n.id === 'leadMinutes')).toBe(true);
    // leadMinutes appears once in the card, inside the hidden part only.
    expect(nodesOf(card).filter((n) => n.id === 'leadMinutes')).toHaveLength(1);
    expect(actionTitled(card, 'Make it a meeting opener')).toMatchObject({
      type: 'Action.ToggleVisibility',
      targetElements: [MEETING_OPENER_PART],
    });
    expect(actionTitled(card, 'Save schedule')).toMatchObject({
      type: 'Action.Execute',
      verb: 'scheduleSave',
      data: { kind: 'post' },
    });
    expect(actionTitled(card, 'Save meeting opener')).toMatchObject({
      type: 'Action.Execute',
      verb: 'scheduleSave',
      data: { kind: 'meeting-opener' },
    });
    expect(nodesOf(card).some((n) => n.id === 'kind')).toBe(false);
  });
});
