export * from './agent';
export * from './consolidated-import';
export * from './drug-approval';
