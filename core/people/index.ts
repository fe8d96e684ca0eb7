/** The people feature's public entry: other folders import from here, never from its files. */
export * from './directory';
export * from './directorySync';
export * from './erasures';
export * from './importCsv';
export * from './importPeople';
export * from './rosterMembers';
