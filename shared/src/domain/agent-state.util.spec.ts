import { canTransition, statesAllowingRequest } from './agent-state.util';

describe('agent state machine', () => {
  it('lets an agent on a call do nothing but wrap up', () => {
    expect(canTransition('on_call', 'wrap_up')).toBe(true);
    expect(canTransition('on_call', 'available')).toBe(false);
    expect(canTransition('on_call', 'break')).toBe(false);
    expect(canTransition('on_call', 'offline')).toBe(false);
  });

  it('never reserves an agent twice or one who is not free', () => {
    expect(canTransition('reserved', 'reserved')).toBe(false);
    expect(canTransition('break', 'reserved')).toBe(false);
    expect(canTransition('available', 'reserved')).toBe(true);
  });

  it('lets an agent go available from a break, and ask again harmlessly', () => {
    expect(statesAllowingRequest('available').sort()).toEqual(
      ['available', 'break', 'offline', 'preview', 'reserved'].sort(),
    );
  });

  it('ends a wrap-up only with its disposition, though the agent may still log off', () => {
    expect(statesAllowingRequest('available')).not.toContain('wrap_up');
    expect(statesAllowingRequest('break')).not.toContain('wrap_up');
    expect(statesAllowingRequest('offline')).toContain('wrap_up');
  });

  it('keeps a break from starting in the middle of a call', () => {
    expect(statesAllowingRequest('break')).not.toContain('on_call');
    expect(statesAllowingRequest('break')).not.toContain('reserved');
  });
});
