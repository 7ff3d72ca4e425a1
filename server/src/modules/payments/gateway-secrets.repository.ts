import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

/** Clients' sealed gateway secrets and the deliveries seen (the replay log). */
@Injectable()
export class GatewaySecretsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async clientByCode(code: string): Promise<{ id: string; sealedSecret: string | null } | null> {
    const [row] = (await this.dataSource.query('SELECT id, gateway_secret_enc FROM clients WHERE code = ?', [
      code,
    ])) as Raw[];
    return row
      ? { id: String(row['id']), sealedSecret: (row['gateway_secret_enc'] as string | null) ?? null }
      : null;
  }

  async setSecret(clientId: string, sealed: string): Promise<boolean> {
    const result = (await this.dataSource.query('UPDATE clients SET gateway_secret_enc = ? WHERE id = ?', [
      sealed,
      clientId,
    ])) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /** Records a delivery; false when this exact signed delivery was seen before (a replay). */
  async recordDelivery(clientId: string, signature: string, at: Date): Promise<boolean> {
    const result = (await this.dataSource.query(
      'INSERT IGNORE INTO payment_webhook_deliveries (client_id, signature, received_at) VALUES (?, ?, ?)',
      [clientId, signature.toLowerCase(), at],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  async setDeliveryPayment(clientId: string, signature: string, paymentId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE payment_webhook_deliveries SET payment_id = ? WHERE client_id = ? AND signature = ?',
      [paymentId, clientId, signature.toLowerCase()],
    );
  }

  async deliveryPayment(clientId: string, signature: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      'SELECT payment_id FROM payment_webhook_deliveries WHERE client_id = ? AND signature = ?',
      [clientId, signature.toLowerCase()],
    )) as Raw[];
    return row && row['payment_id'] !== null ? String(row['payment_id']) : null;
  }
}
