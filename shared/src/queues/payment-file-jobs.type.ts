export const PAYMENT_FILE_QUEUE = 'payment-files';

export interface PaymentFileJobs {
  /** Reads one uploaded bank or cashier file and posts its payments. */
  'payment-file.run': { fileId: string };
}

export type PaymentFileJobName = keyof PaymentFileJobs;
