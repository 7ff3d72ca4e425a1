import { Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { ClientIp, CurrentUser, Roles } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { PaymentGatewayService } from './payment-gateway.service';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('clients')
export class GatewaySecretController {
  constructor(private readonly gateway: PaymentGatewayService) {}

  /** A new HMAC secret for the client's payment gateway, shown this once (the old one stops working). */
  @Post(':id/gateway-secret')
  @Roles('admin')
  rotate(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.gateway.rotateSecret(user, id, ip);
  }
}
