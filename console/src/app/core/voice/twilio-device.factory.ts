import type { Call, Device } from '@twilio/voice-sdk';
import type { VoiceCall, VoiceDevice, VoiceDeviceFactory } from './voice-device.type';

function adaptCall(call: Call): VoiceCall {
  return {
    accept: () => call.accept(),
    reject: () => call.reject(),
    disconnect: () => call.disconnect(),
    mute: (on) => call.mute(on),
    onEnded: (listener) => {
      for (const event of ['disconnect', 'cancel', 'reject'] as const) call.on(event, () => listener());
    },
  };
}

function adaptDevice(device: Device): VoiceDevice {
  return {
    register: () => device.register(),
    updateToken: (token) => device.updateToken(token),
    destroy: () => device.destroy(),
    onIncoming: (listener) => {
      device.on('incoming', (call: Call) => listener(adaptCall(call)));
    },
    onError: (listener) => {
      device.on('error', (error: { message?: string }) => listener(error.message ?? ''));
    },
  };
}

/** The real device: the SDK is imported on first use, so it stays out of the console's main bundle. */
export const twilioDeviceFactory: VoiceDeviceFactory = async (token) => {
  const { Device } = await import('@twilio/voice-sdk');
  return adaptDevice(new Device(token));
};
