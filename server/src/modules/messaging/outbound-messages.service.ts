import { isE164 } from '@recupera/shared';
import { Inject, Injectable } from '@nestjs/common';
import { MESSAGE_BODY_MAX, describeMediaProblem, mediaProblem } from '@recupera/shared';
import { AppException } from '../../common/errors/app.exception';
import { MESSAGING_CARRIER, type MessageStatusSink, type MessagingCarrier } from './messaging-carrier.type';
import type { OutboundSend, SendResult } from './messaging.type';

/** Every message to a debtor's phone goes through here: checked, then handed to the carrier. */
@Injectable()
export class OutboundMessagesService {
  constructor(@Inject(MESSAGING_CARRIER) private readonly carrier: MessagingCarrier) {}

  async send(request: OutboundSend): Promise<SendResult> {
    if (!isE164(request.to)) throw AppException.invalid(`${request.to} is not an E.164 number`);
    if (!request.contentSid && (request.body.length === 0 || request.body.length > MESSAGE_BODY_MAX))
      throw AppException.invalid(`A message has 1 to ${MESSAGE_BODY_MAX} characters`);
    const problem = mediaProblem(request.channel, request.media ?? []);
    if (problem) throw AppException.invalid(describeMediaProblem(problem));
    return this.carrier.send(request);
  }

  /** Where delivery reports go (the conversations apply them). */
  onStatus(sink: MessageStatusSink): void {
    this.carrier.onStatus?.(sink);
  }
}
