import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClientIp, Public } from '../../common/auth/auth-metadata.util';
import { IdParamDto } from '../../common/http/id-param.dto';
import { ClientCodeParamDto, WidgetIdentifyDto, WidgetVerifyDto } from './widget.dto';
import { WidgetAuthService } from './widget-auth.service';
import { WidgetSessionGuard, type WidgetRequest } from './widget-session.guard';
import { WidgetService } from './widget.service';

/** The debtor's widget: public identification with a one-time code, then its own session. */
@ApiTags('widget')
@Controller('widget')
export class WidgetController {
  constructor(
    private readonly auth: WidgetAuthService,
    private readonly widget: WidgetService,
  ) {}

  @Post(':clientCode/identify')
  @HttpCode(201)
  @Public()
  identify(
    @Param() { clientCode }: ClientCodeParamDto,
    @Body() dto: WidgetIdentifyDto,
    @ClientIp() ip: string | null,
  ) {
    return this.auth.identify(clientCode, dto.accountNumber, dto.nationalId, ip, new Date());
  }

  @Post('verify')
  @HttpCode(200)
  @Public()
  verify(@Body() dto: WidgetVerifyDto) {
    return this.auth.verify(dto.challengeId, dto.code, new Date());
  }

  @Get('session')
  @Public()
  @UseGuards(WidgetSessionGuard)
  session(@Req() request: WidgetRequest) {
    return this.widget.snapshot(request.widgetSession!);
  }

  @Get('session/accounts/:id')
  @Public()
  @UseGuards(WidgetSessionGuard)
  account(@Req() request: WidgetRequest, @Param() { id }: IdParamDto, @ClientIp() ip: string | null) {
    return this.widget.account(request.widgetSession!, id, ip);
  }
}
