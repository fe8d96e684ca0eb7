/** The people feature's public entry: other folders import from here, never from its files. */
export * from './celebrations';
export * from './directory';
export * from './directorySync';
export * from './erasures';
export { parseCsv, type CsvRecord } from './csvReader';
export { type ImportRefusal, type ImportRow, type PersonPatch, type RowContext } from './importRows';
export { parsePeopleCsv, type ParsedPeopleCsv } from './importFile';
export * from './importPlan';
export * from './importPeople';
export * from './importStatus';
export * from './rosterMembers';
export * from './timeZones';
export * from './appInstalls';
