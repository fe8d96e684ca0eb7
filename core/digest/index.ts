/** The digest feature's public entry: other folders import from here, never from its files. */
export * from './buildDigest';
export * from './digest';
export * from './digestJob';
export * from './digestReads';
