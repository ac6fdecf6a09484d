import { describe, expect, it } from 'vitest';
import { addDays, canTransition, deadlineFor, dueState, dueSteps, TRANSITIONS } from './hazard.rules.js';

const ladder = {
  reminderDaysBefore: 7,
  countyAfterDays: 0,
  cityAfterDays: 7,
  jointMeetingAfterDays: 30,
  enforcementAfterDays: 45,
};

describe('hazard transition table', () => {
  it('allows each action only from its statuses', () => {
    expect(canTransition('notify', 'reported')).toBe(true);
    expect(canTransition('respond', 'notified')).toBe(true);
    expect(canTransition('submit', 'rectifying')).toBe(true);
    expect(canTransition('submit', 'notified')).toBe(false);
    expect(canTransition('verify', 'submitted')).toBe(true);
    expect(canTransition('verify', 'rectifying')).toBe(false);
    expect(canTransition('reject', 'submitted')).toBe(true);
    expect(TRANSITIONS.reject.to).toBe('rectifying');
    for (const action of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]) {
      expect(canTransition(action, 'closed')).toBe(false);
    }
  });
});

describe('deadlines and due state', () => {
  it('sets the deadline from the level', () => {
    expect(deadlineFor('general', '2026-01-31', { generalDays: 30, majorDays: 90 })).toBe('2026-03-02');
    expect(deadlineFor('major', '2026-12-01', { generalDays: 30, majorDays: 90 })).toBe('2027-03-01');
  });
  it('colours due soon within the reminder window and overdue after the deadline day', () => {
    expect(dueState('rectifying', '2026-03-10', '2026-03-01', 7)).toBe('normal');
    expect(dueState('rectifying', '2026-03-10', '2026-03-03', 7)).toBe('due_soon');
    expect(dueState('rectifying', '2026-03-10', '2026-03-10', 7)).toBe('due_soon');
    expect(dueState('rectifying', '2026-03-10', '2026-03-11', 7)).toBe('overdue');
    expect(dueState('closed', '2026-03-10', '2026-04-11', 7)).toBe('closed');
  });
});

describe('escalation ladder', () => {
  const deadline = '2026-03-10';
  it('brings each step due on its day, and none before', () => {
    expect(dueSteps('rectifying', 'none', deadline, addDays(deadline, -8), ladder)).toEqual([]);
    expect(dueSteps('rectifying', 'none', deadline, addDays(deadline, -7), ladder)).toEqual(['reminded']);
    expect(dueSteps('rectifying', 'reminded', deadline, deadline, ladder)).toEqual(['county']);
    expect(dueSteps('rectifying', 'county', deadline, addDays(deadline, 6), ladder)).toEqual([]);
    expect(dueSteps('rectifying', 'county', deadline, addDays(deadline, 7), ladder)).toEqual(['city']);
    expect(dueSteps('notified', 'city', deadline, addDays(deadline, 30), ladder)).toEqual(['joint_meeting']);
    expect(dueSteps('notified', 'joint_meeting', deadline, addDays(deadline, 45), ladder)).toEqual(['enforcement']);
    expect(dueSteps('notified', 'enforcement', deadline, addDays(deadline, 400), ladder)).toEqual([]);
  });
  it('gives every missed step once when the clock jumps, and none twice', () => {
    expect(dueSteps('rectifying', 'none', deadline, addDays(deadline, 8), ladder)).toEqual([
      'reminded',
      'county',
      'city',
    ]);
    expect(dueSteps('rectifying', 'city', deadline, addDays(deadline, 8), ladder)).toEqual([]);
  });
  it('pauses while waiting for verification and stops when closed', () => {
    expect(dueSteps('submitted', 'none', deadline, addDays(deadline, 40), ladder)).toEqual([]);
    expect(dueSteps('closed', 'none', deadline, addDays(deadline, 40), ladder)).toEqual([]);
  });
});
