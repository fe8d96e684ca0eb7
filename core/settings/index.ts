/** The settings feature's public entry: other folders import from here, never from its files. */
export * from './adminChanges';
export * from './admins';
export * from './audit';
export * from './auditText';
export * from './changeSettings';
export * from './companyValues';
export * from './settingFields';
export * from './settingsCache';
export * from './tenantSettings';
export * from './teamRoles';
