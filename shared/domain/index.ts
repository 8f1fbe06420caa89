export * from './access.ts';
export * from './assess.ts';
export * from './card.ts';
export * from './schemas.ts';
export * from './status.ts';
