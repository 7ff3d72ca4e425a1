import { Controller, HttpCode, Param, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GATEWAY_SIGNATURE_HEADER, GATEWAY_TIMESTAMP_HEADER } from '@recupera/shared';
import { Matches } from 'class-validator';
import type { Request } from 'express';
import { Public } from '../../common/auth/auth-metadata.util';
import { PaymentGatewayService } from './payment-gateway.service';

class ClientCodeParamDto {
  @Matches(/^[A-Za-z0-9_-]{1,20}$/, { message: 'clientCode must be a client code' }) clientCode!: string;
}

/** Payment gateways call in here, authenticated by their signature, not by a user's token. */
@ApiTags('webhooks')
@Controller('webhooks/payments')
export class PaymentWebhookController {
  constructor(private readonly gateway: PaymentGatewayService) {}

  @Post(':clientCode')
  @HttpCode(200)
  @Public()
  receive(@Param() { clientCode }: ClientCodeParamDto, @Req() request: RawBodyRequest<Request>) {
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    return this.gateway.receive({
      clientCode,
      timestamp: header(GATEWAY_TIMESTAMP_HEADER),
      signature: header(GATEWAY_SIGNATURE_HEADER),
      rawBody: request.rawBody,
    });
  }
}
