/** The briefs feature's public entry: other folders import from here, never from its files. */
export * from './brief';
export * from './briefFor';
export * from './buildBrief';
export * from './calendar';
export * from './classifyEvents';
export * from './briefJob';
export * from './calendarNotice';
export * from './meetingSends';
export * from './opener';
