/** The milestones feature's public entry: other folders import from here, never from its files. */
export * from './candidates';
export * from './jobTypes';
export * from './milestoneJob';
export * from './planner';
export * from './policy';
export * from './reader';
export * from './reminderContent';
export * from './snoozes';
export * from './timing';
export * from './types';
