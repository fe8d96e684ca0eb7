/** The weekly nudge feature's public entry: other folders import from here, never from its files. */
export * from './due';
export * from './nudgeJob';
export * from './suggestions';
