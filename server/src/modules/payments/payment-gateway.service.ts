import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type GatewaySecretResponse, type PaymentResponse } from '@recupera/shared';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomBytes } from 'node:crypto';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { openSecret, sealSecret } from '../../common/crypto/secret-box.util';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { AuditService } from '../audit/audit.service';
import { GatewaySecretsRepository } from './gateway-secrets.repository';
import { verifyGatewaySignature } from './gateway-signature.util';
import { PaymentQueriesRepository } from './payment-queries.repository';
import { GatewayPaymentDto } from './payments.dto';
import { PaymentsService } from './payments.service';

export interface GatewayDelivery {
  clientCode: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer | undefined;
}

/**
 * Payment gateways' notifications: signed per client (HMAC-SHA256 with the client's secret, sealed
 * in the database with DATA_ENCRYPTION_KEY), refused outside a five-minute replay window, checked
 * before the body is even parsed; a paid notification posts a payment (idempotent by reference, so
 * a gateway's retry answers the same payment), a reversed one reverses it (a chargeback).
 */
@Injectable()
export class PaymentGatewayService {
  constructor(
    private readonly secrets: GatewaySecretsRepository,
    private readonly queries: PaymentQueriesRepository,
    private readonly payments: PaymentsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async rotateSecret(user: AuthUser, clientId: string, ip: string | null): Promise<GatewaySecretResponse> {
    const secret = randomBytes(32).toString('base64url');
    if (!(await this.secrets.setSecret(clientId, sealSecret(this.config.dataKey, secret))))
      throw AppException.notFound('Client');
    await this.audit.record({
      actor: user,
      action: 'client.gateway-secret-rotated',
      entityType: 'client',
      entityId: clientId,
      ip,
    });
    return { clientId, secret };
  }

  async receive(delivery: GatewayDelivery, now = new Date()): Promise<PaymentResponse> {
    const client = await this.secrets.clientByCode(delivery.clientCode);
    const secret = client?.sealedSecret ? openSecret(this.config.dataKey, client.sealedSecret) : null;
    if (!client || !secret) throw forbidden('This client takes no gateway payments');
    const body = delivery.rawBody ?? Buffer.alloc(0);
    const verdict = verifyGatewaySignature(secret, delivery.timestamp, delivery.signature, body, now);
    if (verdict !== 'ok') throw forbidden(`Webhook refused: ${verdict.replace('_', ' ')}`);

    const signature = delivery.signature!;
    if (!(await this.secrets.recordDelivery(client.id, signature, now))) {
      // The same signed delivery again (a retry inside the window): answer what it did the first time.
      const paymentId = await this.secrets.deliveryPayment(client.id, signature);
      if (paymentId) return this.payments.get(paymentId, true);
    }
    const notification = await parse(body);
    const accountId = await this.queries.accountIdByNumber(client.id, notification.accountNumber);
    if (!accountId) throw AppException.notFound(`Account ${notification.accountNumber}`);
    const payment =
      notification.event === 'paid'
        ? await this.payments.post(
            { user: null, ip: null },
            {
              accountId,
              amountMinor: notification.amountMinor,
              channel: 'gateway',
              reference: notification.reference,
              paidAt: new Date(notification.paidAt),
              currency: notification.currency,
            },
            now,
          )
        : await this.chargeback(client.id, notification, now);
    await this.secrets.setDeliveryPayment(client.id, signature, payment.id);
    return payment;
  }

  private async chargeback(clientId: string, n: GatewayPaymentDto, now: Date): Promise<PaymentResponse> {
    const existing = await this.payments.byReference(clientId, n.reference);
    if (!existing) throw AppException.notFound(`Payment ${n.reference}`);
    if (existing.status === 'reversed') return existing;
    return this.payments.reverse(
      { user: null, ip: null },
      existing.id,
      n.reason ?? 'gateway chargeback',
      now,
    );
  }
}

function forbidden(message: string): AppException {
  return new AppException(ErrorCode.Forbidden, HttpStatus.FORBIDDEN, message);
}

async function parse(body: Buffer): Promise<GatewayPaymentDto> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw AppException.invalid('The body is not JSON');
  }
  const dto = plainToInstance(GatewayPaymentDto, json);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0)
    throw AppException.invalid(
      errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; '),
      errors.map((e) => ({ field: e.property, problems: Object.values(e.constraints ?? {}) })),
    );
  return dto;
}
