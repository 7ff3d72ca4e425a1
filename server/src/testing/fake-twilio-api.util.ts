import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  form: URLSearchParams;
  query: URLSearchParams;
}

/** The conference every agent's lookup finds in progress. */
export const FAKE_CONFERENCE_SID = 'CF00000000000000000000000000000001';

/** Stands in for Twilio's REST API: records each form it receives and answers call resources. */
export class FakeTwilioApi {
  readonly requests: RecordedRequest[] = [];
  private server: Server | null = null;
  private created = 0;
  private messages = 0;

  /** `nextSid` names each created call; by default CA followed by a counter in 32 hex digits. */
  constructor(
    private readonly accountSid: string,
    private readonly nextSid: () => string = () => `CA${(++this.created).toString(16).padStart(32, '0')}`,
  ) {}

  private nextMessageSid(): string {
    return `SM${(++this.messages).toString(16).padStart(32, '0')}`;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = url.pathname;
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    this.requests.push({
      method: request.method ?? '',
      path,
      authorization: request.headers.authorization,
      form,
      query: url.searchParams,
    });
    const conferences = `/2010-04-01/Accounts/${this.accountSid}/Conferences`;
    if (request.method === 'GET' && path === `${conferences}.json`)
      return {
        status: 200,
        body: conferenceList(this.accountSid, url.searchParams.get('FriendlyName') ?? ''),
      };
    const joined = path.match(new RegExp(`^${conferences}/(CF[0-9a-f]{32})/Participants\\.json$`));
    if (request.method === 'POST' && joined)
      return {
        status: 201,
        body: {
          account_sid: this.accountSid,
          conference_sid: joined[1],
          call_sid: this.nextSid(),
          muted: form.get('Muted') === 'true',
          coaching: form.get('Coaching') === 'true',
          status: 'queued',
        },
      };
    const participant = path.match(
      new RegExp(`^${conferences}/(CF[0-9a-f]{32})/Participants/(CA[0-9a-f]{32})\\.json$`),
    );
    if (request.method === 'POST' && participant)
      return {
        status: 200,
        body: {
          account_sid: this.accountSid,
          conference_sid: participant[1],
          call_sid: participant[2],
          hold: form.get('Hold') === 'true',
          muted: false,
          status: 'connected',
        },
      };
    const calls = `/2010-04-01/Accounts/${this.accountSid}/Calls`;
    if (request.method === 'POST' && path === `${calls}.json`)
      return { status: 201, body: callResource(this.accountSid, this.nextSid(), 'queued', form) };
    const update = path.match(new RegExp(`^${calls}/(CA[0-9a-f]{32})\\.json$`));
    if (request.method === 'POST' && update)
      return {
        status: 200,
        body: callResource(this.accountSid, update[1], form.get('Status') ?? 'in-progress', form),
      };
    if (request.method === 'POST' && path === `/2010-04-01/Accounts/${this.accountSid}/Messages.json`)
      return { status: 201, body: messageResource(this.accountSid, this.nextMessageSid(), form) };
    return {
      status: 404,
      body: { code: 20404, message: 'The requested resource was not found', status: 404 },
    };
  }
}

function conferenceList(accountSid: string, friendlyName: string) {
  const uri = `/2010-04-01/Accounts/${accountSid}/Conferences.json`;
  return {
    conferences: [
      {
        sid: FAKE_CONFERENCE_SID,
        account_sid: accountSid,
        friendly_name: friendlyName,
        status: 'in-progress',
        uri: `/2010-04-01/Accounts/${accountSid}/Conferences/${FAKE_CONFERENCE_SID}.json`,
      },
    ],
    first_page_uri: uri,
    next_page_uri: null,
    previous_page_uri: null,
    page: 0,
    page_size: 1,
    uri,
  };
}

function callResource(accountSid: string, sid: string, status: string, form: URLSearchParams) {
  return {
    sid,
    account_sid: accountSid,
    status,
    to: form.get('To') ?? '+525555550100',
    from: form.get('From') ?? '+5716015000',
    direction: 'outbound-api',
    api_version: '2010-04-01',
    date_created: 'Mon, 02 Mar 2026 15:00:00 +0000',
    date_updated: 'Mon, 02 Mar 2026 15:00:00 +0000',
    uri: `/2010-04-01/Accounts/${accountSid}/Calls/${sid}.json`,
  };
}

function messageResource(accountSid: string, sid: string, form: URLSearchParams) {
  return {
    sid,
    account_sid: accountSid,
    status: 'queued',
    to: form.get('To'),
    from: form.get('From'),
    body: form.get('Body'),
    num_media: String(form.getAll('MediaUrl').length),
    direction: 'outbound-api',
    api_version: '2010-04-01',
    date_created: 'Mon, 02 Mar 2026 15:00:00 +0000',
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}
