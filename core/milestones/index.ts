/** The milestones feature's public entry: other folders import from here, never from its files. */
export * from './milestoneJob';
export * from './milestones';
export * from './reminderContent';
export * from './snoozes';
