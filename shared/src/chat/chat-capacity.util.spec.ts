import { canTakeCall, canTakeChat, pickChatAgent, type ChatCandidate } from './chat-capacity.util';

const RULES = { maxChats: 3, maxChatsForCall: 1 };

function agent(agentId: string, changes: Partial<ChatCandidate> = {}): ChatCandidate {
  return {
    agentId,
    state: 'available',
    chats: 0,
    skills: ['cobranza'],
    idleSince: 1_000,
    declined: false,
    ...changes,
  };
}

describe(canTakeChat.name, () => {
  it('takes chats up to the limit, and only while available (not on a call)', () => {
    expect(canTakeChat('available', 2, RULES)).toBe(true);
    expect(canTakeChat('available', 3, RULES)).toBe(false);
    expect(canTakeChat('on_call', 0, RULES)).toBe(false);
    expect(canTakeChat('break', 0, RULES)).toBe(false);
  });
});

describe(canTakeCall.name, () => {
  it('blends: a call still comes with one chat, not with two', () => {
    expect(canTakeCall('available', 0, RULES)).toBe(true);
    expect(canTakeCall('available', 1, RULES)).toBe(true);
    expect(canTakeCall('available', 2, RULES)).toBe(false);
    expect(canTakeCall('wrap_up', 0, RULES)).toBe(false);
  });
});

describe(pickChatAgent.name, () => {
  it('offers to the agent with the fewest chats, then the longest idle', () => {
    const picked = pickChatAgent(
      [
        agent('busy', { chats: 1, idleSince: 10 }),
        agent('late', { idleSince: 900 }),
        agent('early', { idleSince: 500 }),
      ],
      'cobranza',
      RULES,
    );
    expect(picked?.agentId).toBe('early');
  });

  it('skips agents without the skill, full, away, or who declined this chat', () => {
    const candidates = [
      agent('no-skill', { skills: ['convenios'] }),
      agent('full', { chats: 3 }),
      agent('on-break', { state: 'break' }),
      agent('declined', { declined: true }),
    ];
    expect(pickChatAgent(candidates, 'cobranza', RULES)).toBeNull();
    expect(pickChatAgent([...candidates, agent('ok', { chats: 2 })], 'cobranza', RULES)?.agentId).toBe('ok');
  });
});
