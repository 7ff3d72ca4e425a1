import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MESSAGE_BODY_MAX } from '@recupera/shared';
import { ChatComposerComponent } from './chat-composer.component';

describe(ChatComposerComponent.name, () => {
  let fixture: ComponentFixture<ChatComposerComponent>;
  let changes: string[];
  let sends: number;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [ChatComposerComponent] });
    fixture = TestBed.createComponent(ChatComposerComponent);
    changes = [];
    sends = 0;
    fixture.componentInstance.textChange.subscribe((text) => changes.push(text));
    fixture.componentInstance.send.subscribe(() => (sends += 1));
    await setText('');
  });

  async function setText(text: string): Promise<void> {
    fixture.componentRef.setInput('text', text);
    await fixture.whenStable();
  }

  function byTestId<T extends HTMLElement>(id: string): T | null {
    return (fixture.nativeElement as HTMLElement).querySelector<T>(`[data-testid="${id}"]`);
  }

  const input = () => byTestId<HTMLTextAreaElement>('chat-input')!;
  const sendButton = () => byTestId<HTMLButtonElement>('chat-send')!;

  function press(key: string, init: KeyboardEventInit = {}): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, cancelable: true, ...init });
    input().dispatchEvent(event);
    return event;
  }

  it('passes what is typed on', () => {
    input().value = 'Hola';
    input().dispatchEvent(new Event('input'));
    expect(changes).toEqual(['Hola']);
  });

  it('sends on Enter and keeps Shift+Enter for a new line', async () => {
    await setText('Buenas tardes');
    const enter = press('Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(sends).toBe(1);

    const newLine = press('Enter', { shiftKey: true });
    expect(newLine.defaultPrevented).toBe(false);
    expect(sends).toBe(1);

    sendButton().click();
    expect(sends).toBe(2);
  });

  it('counts the characters against the limit and refuses an empty or too long message', async () => {
    press('Enter');
    expect(sends).toBe(0);
    expect(sendButton().disabled).toBe(true);

    await setText('Hola');
    expect(byTestId('chat-input-count')!.textContent?.trim()).toBe('4 / 1.600');
    expect(sendButton().disabled).toBe(false);

    await setText('x'.repeat(MESSAGE_BODY_MAX + 1));
    expect(sendButton().disabled).toBe(true);
    press('Enter');
    expect(sends).toBe(0);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Un mensaje admite hasta');
  });

  it('says a template is needed outside the WhatsApp window and takes no free text', async () => {
    await setText('Hola');
    fixture.componentRef.setInput('templateRequired', true);
    await fixture.whenStable();
    expect(byTestId('chat-template-required')!.textContent).toContain('plantilla aprobada');
    expect(input().disabled).toBe(true);
    expect(sendButton().disabled).toBe(true);
    press('Enter');
    expect(sends).toBe(0);
  });
});
