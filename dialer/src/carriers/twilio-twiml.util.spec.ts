import { agentConferenceTwiml, answerTwiml, messageTwiml } from './twilio-twiml.util';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

describe('twilio TwiML builders', () => {
  it('keeps an answered call open in silence while the dialer finds an agent', () => {
    expect(answerTwiml()).toBe(`${XML}<Response><Pause length="60"/></Response>`);
  });

  it("bridges a debtor into the agent's conference without ending it when the debtor leaves", () => {
    expect(agentConferenceTwiml('7')).toBe(
      `${XML}<Response><Dial><Conference startConferenceOnEnter="true" endConferenceOnExit="false" beep="false">agent-7</Conference></Dial></Response>`,
    );
  });

  it("ends the agent's conference when the agent's own leg leaves", () => {
    expect(agentConferenceTwiml('7', 'agent')).toContain('endConferenceOnExit="true"');
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
