/** The notes feature's public entry: other folders import from here, never from its files. */
export * from './followUpJob';
export * from './note';
export * from './notesService';
