// type-graphql's decorators read design-time types through this polyfill: load it before any class.
import 'reflect-metadata';
export * from './database';
export * from './errors';
export * from './federation';
export * from './identifiers';
export * from './loaders';
export * from './migrations';
export * from './pagination';
export * from './scalars';
export * from './server';
export * from './project-root';
export * from './env';
export * from './subgraph';
export * from './standalone';
export * from './embedded-postgres';
