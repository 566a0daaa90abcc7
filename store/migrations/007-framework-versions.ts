import type { Migration } from './migration';
import { FRAMEWORK_VERSION_TABLES } from '../framework-versions';

export const migration: Migration = {
  version: 7,
  name: 'frameworks edited in the console: published versions and drafts',
  statements: FRAMEWORK_VERSION_TABLES,
};
