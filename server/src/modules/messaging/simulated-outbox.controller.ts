import { E164_PATTERN } from '@recupera/shared';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Roles } from '../../common/auth/auth-metadata.util';
import { AppException } from '../../common/errors/app.exception';
import { MESSAGING_CARRIER, type MessagingCarrier } from './messaging-carrier.type';
import { SimulatedMessagingCarrier } from './simulated-messaging.carrier';

class OutboxQueryDto {
  @Matches(E164_PATTERN, { message: 'to must be an E.164 number' }) to!: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
}

/** What the simulated carrier "delivered" to a number: a debtor's phone, for demos and tests. */
@ApiTags('simulated-carrier')
@ApiBearerAuth()
@Controller('simulated-carrier')
export class SimulatedOutboxController {
  constructor(@Inject(MESSAGING_CARRIER) private readonly carrier: MessagingCarrier) {}

  @Get('outbox')
  @Roles('admin', 'supervisor')
  outbox(@Query() query: OutboxQueryDto) {
    if (!(this.carrier instanceof SimulatedMessagingCarrier))
      throw AppException.notFound('The simulated carrier (messages go through Twilio)');
    return this.carrier.outbox(query.to, query.limit ?? 20);
  }
}
