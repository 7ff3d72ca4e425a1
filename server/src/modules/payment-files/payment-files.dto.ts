import {
  FILE_PAYMENT_CHANNELS,
  type FilePaymentChannel,
  type PaymentFileLayout,
  type SavePaymentFileLayoutRequest,
  type StartPaymentFileRequest,
} from '@recupera/shared';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';

const ID = /^[1-9]\d{0,18}$/;

export class SavePaymentFileLayoutDto implements SavePaymentFileLayoutRequest {
  @Matches(ID, { message: 'clientId must be an id' }) clientId!: string;
  @IsString() @Length(2, 80) name!: string;
  /** Checked field by field by parsePaymentLayout. */
  @IsObject() layout!: PaymentFileLayout;
}

/** The multipart fields sent beside the file. */
export class StartPaymentFileDto implements StartPaymentFileRequest {
  @Matches(ID, { message: 'clientId must be an id' }) clientId!: string;
  @Matches(ID, { message: 'layoutId must be an id' }) layoutId!: string;
  @IsIn(FILE_PAYMENT_CHANNELS) channel!: FilePaymentChannel;
}

export class LayoutsQueryDto {
  @IsOptional() @Matches(ID, { message: 'clientId must be an id' }) clientId?: string;
}
