// The Moments tab's use cases: who sees which page, and what each page shows.
export * from './views';
export * from './viewer';
