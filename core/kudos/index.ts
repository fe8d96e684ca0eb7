/** The kudos feature's public entry: other folders import from here, never from its files. */
export * from './fanOut';
export * from './givingLimit';
export * from './kudosService';
export * from './recognitionStats';
export * from './recognitions';
export * from './pendingFanOut';
