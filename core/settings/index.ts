/** The settings feature's public entry: other folders import from here, never from its files. */
export * from './adminChanges';
export * from './admins';
export * from './audit';
export * from './companyValues';
export * from './settingsCache';
export * from './tenantSettings';
