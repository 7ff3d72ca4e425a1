import type { Channel, ConversationChannel } from '@recupera/shared';
import type { IconName } from '../../ui/icons.constant';

const CHANNEL_ICONS: Readonly<Record<ConversationChannel, IconName>> = {
  webchat: 'chat',
  sms: 'sms',
  whatsapp: 'forum',
};

export const channelIcon = (channel: ConversationChannel): IconName => CHANNEL_ICONS[channel];

/** Any interaction's channel, as the account timeline shows it. */
export function interactionIcon(channel: Channel): IconName {
  switch (channel) {
    case 'voice':
      return 'headset';
    case 'email':
      return 'mail';
    case 'sms':
    case 'whatsapp':
    case 'webchat':
      return CHANNEL_ICONS[channel];
  }
}
