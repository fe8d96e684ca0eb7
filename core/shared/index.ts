/** The shared feature's public entry: other folders import from here, never from its files. */
export * from './backgroundWork';
export * from './calendar';
export * from './chunks';
export * from './editDistance';
export * from './languages';
export * from './logger';
export * from './pool';
export * from './readAhead';
export * from './retry';
export * from './stableJson';
export * from './text';
