// The Moments tab's use cases: who sees which page, and what each page shows.
export * from './views';
export * from './viewer';
export * from './ports';
export { shownText } from './shown';
export * from './recognitionPage';
export * from './teamView';
export * from './organisationView';
export * from './recognitionsCsv';
export { CHART_WEEKS, mondayOf } from './weeks';
