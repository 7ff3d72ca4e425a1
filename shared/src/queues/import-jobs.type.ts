export const IMPORT_QUEUE = 'imports';

export interface ImportJobs {
  'import.run': { importId: string };
}

export type ImportJobName = keyof ImportJobs;
