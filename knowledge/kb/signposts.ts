/**
 * The general signposts a framework file starts with. Each is true anywhere in the UK without local
 * knowledge: no invented phone numbers or web addresses (999 is the emergency number across the UK and
 * Jersey; Samaritans' 116 123 is free from any UK phone; NHS 111's mental health option is England's,
 * and says so). `kb validate` warns while a framework still has only these, so a practice lead adds
 * local details, and warns when one of the later three is missing (the default here is shown instead).
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
  worker_safety:
    'If you are in danger now, call 999. Get somewhere safe. Tell your manager today, record what happened as an incident, and follow your lone-working procedure.',
  crisis:
    'If you are in danger now, or feel you might act on thoughts of ending your life, call 999. Samaritans are there any time, day or night, free on 116 123. In England you can also call NHS 111 and choose the mental health option. Your employer may have an employee assistance programme you can call in confidence.',
  employment:
    'For questions about your job, such as leave, pay, mileage, sickness, IT or who holds a role now, check your intranet or ask HR or your manager.',
});

/** The signposts added after the first four: a file may leave them out, and then gets the default. */
export const LATER_SIGNPOSTS = ['worker_safety', 'crisis', 'employment'] as const;
