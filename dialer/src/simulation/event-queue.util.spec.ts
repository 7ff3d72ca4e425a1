import { EventQueue } from './event-queue.util';

describe(EventQueue.name, () => {
  it('hands events back by time, and in insertion order at the same time', () => {
    const queue = new EventQueue<string>();
    [
      [30, 'c'],
      [10, 'a'],
      [20, 'b1'],
      [20, 'b2'],
      [5, 'first'],
      [20, 'b3'],
    ].forEach(([at, name]) => queue.push(at as number, name as string));
    const order: string[] = [];
    while (queue.size > 0) order.push(queue.pop()!.event);
    expect(order).toEqual(['first', 'a', 'b1', 'b2', 'b3', 'c']);
  });
});
