/** The delivery feature's public entry: other folders import from here, never from its files. */
export * from './conversations';
export * from './hourlyJob';
export * from './ledger';
export * from './messenger';
export * from './sendGate';
export * from './sentCards';
export * from './memberships';
export * from './reach';
export * from './reachCensus';
export * from './appRemoval';
