/**
 * The general signposts a framework file starts with. Each is true anywhere without local knowledge:
 * no invented phone numbers or web addresses (999 is the emergency number across the UK and Jersey).
 * `kb validate` warns while a framework still has only these, so a practice lead adds local details.
 */
export const DEFAULT_SIGNPOSTS = Object.freeze({
  urgent:
    'If a child is in immediate danger, call 999. Otherwise follow your safeguarding procedures and talk to your manager or the duty team today.',
  case_advice:
    'For advice about a particular child or family, talk to your manager, the duty team or your practice lead.',
  procedures:
    'Your local safeguarding procedures say what to do and when. Your manager or practice lead can show you where to find them.',
  staff_support:
    'If the work is weighing on you, talk to your manager or raise it in supervision. Your employer may also offer an employee assistance programme.',
});
