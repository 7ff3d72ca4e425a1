import { CreateFoundation1764000000000 } from './migrations/1764000000000-create-foundation';

/** Listed explicitly: the server is bundled, so migrations cannot be found by a glob at run time. */
export const MIGRATIONS = [CreateFoundation1764000000000];
