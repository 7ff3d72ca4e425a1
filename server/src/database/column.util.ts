import type { ValueTransformer } from 'typeorm';

/** BIGINT money and counters come back from mysql2 as strings; minor units stay safe integers. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/** MariaDB stores JSON as LONGTEXT, so it may come back as a string. */
export const jsonColumn: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? value : JSON.stringify(value)),
  from: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value),
};
