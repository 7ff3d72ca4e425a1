import { agentConferenceTwiml, answerTwiml, messageTwiml } from './twilio-twiml.util';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

describe('twilio TwiML builders', () => {
  it('keeps an answered call open in silence while the dialer finds an agent', () => {
    expect(answerTwiml()).toBe(`${XML}<Response><Pause length="60"/></Response>`);
  });

  it("joins a leg to the agent's conference, which ends when either leg leaves", () => {
    expect(agentConferenceTwiml('7')).toBe(
      `${XML}<Response><Dial><Conference startConferenceOnEnter="true" endConferenceOnExit="true" beep="false">agent-7</Conference></Dial></Response>`,
    );
  });

  it('reads a message in Mexican Spanish and hangs up', () => {
    expect(messageTwiml('Hola, le llamamos de Recupera.')).toBe(
      `${XML}<Response><Say language="es-MX">Hola, le llamamos de Recupera.</Say><Hangup/></Response>`,
    );
  });

  it('escapes markup and ampersands in the message', () => {
    const xml = messageTwiml('Pague <script>alert("x")</script> & ahorre');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('Pague &lt;script&gt;alert("x")&lt;/script&gt; &amp; ahorre');
  });
});
