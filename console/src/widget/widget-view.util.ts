import {
  MESSAGE_BODY_MAX,
  type ChatMessageView,
  type ChatQueue,
  type WidgetAccountView,
  type WidgetAgreementView,
} from '@recupera/shared';
import { chatIcon, h, setHidden, setText } from './widget-dom.util';
import { formatDate, formatMoney, formatTime, maskAccountNumber } from './widget-format.util';
import {
  agreementStatusKey,
  authorKey,
  installmentStatusKey,
  type Translate,
  type WidgetLocale,
} from './widget-i18n.constant';
import { chatEnded, type WidgetState, type WidgetStep } from './widget-state.util';
import { WIDGET_STYLES } from './widget-styles.constant';

/** What the debtor can do; the view only reports it. */
export interface WidgetHandlers {
  toggle(open?: boolean): void;
  identify(accountNumber: string, nationalId: string): void;
  verify(code: string): void;
  restart(): void;
  askChat(accountId: string, queue: ChatQueue): void;
  send(body: string): void;
  typing(): void;
  leave(): void;
  back(): void;
  logout(): void;
}

interface StepView {
  root: HTMLElement;
  update(state: WidgetState): void;
  /** Where focus goes when the step appears. */
  focusTarget(): HTMLElement | null;
}

/** The launcher and the panel, drawn into a shadow root so the creditor's CSS cannot reach them. */
export class WidgetView {
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly body: HTMLElement;
  private readonly error: HTMLElement;
  private readonly announcer: HTMLElement;
  private step: { name: WidgetStep; view: StepView } | null = null;
  private agreementsSeen: Set<string> | null = null;

  constructor(
    private readonly root: ShadowRoot,
    private readonly t: Translate,
    private readonly locale: WidgetLocale,
    private readonly handlers: WidgetHandlers,
  ) {
    const style = h('style');
    style.textContent = WIDGET_STYLES;
    this.launcher = h(
      'button',
      {
        type: 'button',
        class: 'launcher',
        'data-testid': 'widget-launcher',
        'aria-expanded': 'false',
        'aria-controls': 'rw-panel',
        'aria-label': t('launcherOpen'),
      },
      chatIcon(),
      h('span', { class: 'launcher-text' }, t('launcherLabel')),
    );
    this.launcher.addEventListener('click', () => handlers.toggle());
    const close = h('button', { type: 'button', class: 'icon-button', 'aria-label': t('close') }, '×');
    close.addEventListener('click', () => handlers.toggle(false));
    this.error = h('p', { class: 'error', role: 'alert', 'data-testid': 'widget-error', hidden: true });
    this.announcer = h('p', { class: 'sr-only', 'aria-live': 'polite' });
    this.body = h('div', { class: 'body' });
    this.panel = h(
      'section',
      { id: 'rw-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'rw-title', hidden: true },
      h('header', { class: 'panel-header' }, h('h2', { id: 'rw-title' }, t('panelTitle')), close),
      this.error,
      this.body,
      this.announcer,
    );
    this.panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      handlers.toggle(false);
    });
    root.append(style, h('div', { class: 'rw', lang: locale }, this.panel, this.launcher));
  }

  render(state: WidgetState): void {
    const opening = state.open && this.panel.hidden;
    const closing = !state.open && !this.panel.hidden;
    setHidden(this.panel, !state.open);
    this.launcher.setAttribute('aria-expanded', String(state.open));
    setHidden(this.error, state.error === null);
    setText(this.error, state.error ? this.t(state.error) : '');

    let stepChanged = false;
    if (this.step?.name !== state.step) {
      const view = this.buildStep(state.step);
      this.body.replaceChildren(view.root);
      this.step = { name: state.step, view };
      stepChanged = true;
    }
    this.step!.view.update(state);
    this.announceAgreements(state.agreements);
    for (const button of Array.from(this.body.querySelectorAll<HTMLButtonElement>('button[data-busy-aware]')))
      button.disabled = state.busy;

    if (opening || (stepChanged && state.open)) this.step!.view.focusTarget()?.focus();
    if (closing && this.root.activeElement) this.launcher.focus();
  }

  /** A new agreement is read out once (the first render only learns the ones already there). */
  private announceAgreements(agreements: readonly WidgetAgreementView[]): void {
    const known = this.agreementsSeen;
    this.agreementsSeen = new Set(agreements.map((a) => a.id));
    if (known && agreements.some((a) => !known.has(a.id)))
      setText(this.announcer, this.t('agreementArrived'));
  }

  private buildStep(step: WidgetStep): StepView {
    switch (step) {
      case 'identify':
        return this.identifyStep();
      case 'code':
        return this.codeStep();
      case 'overview':
        return this.overviewStep();
      case 'chat':
        return this.chatStep();
    }
  }

  private field(
    id: string,
    label: string,
    input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
    hint?: string,
  ): HTMLElement {
    input.id = id;
    if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      input,
      hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null,
    );
  }

  private identifyStep(): StepView {
    const t = this.t;
    const account = h('input', {
      type: 'text',
      name: 'accountNumber',
      required: true,
      maxlength: '40',
      autocomplete: 'off',
      spellcheck: 'false',
      'data-testid': 'widget-account-number',
    });
    const nationalId = h('input', {
      type: 'text',
      name: 'nationalId',
      required: true,
      maxlength: '30',
      autocomplete: 'off',
      spellcheck: 'false',
      'data-testid': 'widget-national-id',
    });
    const submit = h(
      'button',
      { type: 'submit', class: 'primary', 'data-testid': 'widget-identify', 'data-busy-aware': true },
      t('identify'),
    );
    const form = h(
      'form',
      { class: 'stack', novalidate: true },
      h('p', {}, t('identifyIntro')),
      this.field('rw-account-number', t('accountNumber'), account),
      this.field('rw-national-id', t('nationalId'), nationalId, t('nationalIdHint')),
      submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const missing = [account, nationalId].find((input) => input.value.trim() === '');
      if (missing) {
        missing.setAttribute('aria-invalid', 'true');
        missing.focus();
        return;
      }
      this.handlers.identify(account.value.trim(), nationalId.value.trim());
    });
    for (const input of [account, nationalId])
      input.addEventListener('input', () => input.removeAttribute('aria-invalid'));
    return { root: form, update: () => undefined, focusTarget: () => account };
  }

  private codeStep(): StepView {
    const t = this.t;
    const intro = h('p', { 'data-testid': 'widget-code-sent' });
    const code = h('input', {
      type: 'text',
      name: 'code',
      inputmode: 'numeric',
      autocomplete: 'one-time-code',
      pattern: '[0-9]{6}',
      maxlength: '6',
      required: true,
      'data-testid': 'widget-code',
    });
    const submit = h(
      'button',
      { type: 'submit', class: 'primary', 'data-testid': 'widget-verify', 'data-busy-aware': true },
      t('verify'),
    );
    const restart = h(
      'button',
      { type: 'button', class: 'link', 'data-testid': 'widget-restart' },
      t('restart'),
    );
    restart.addEventListener('click', () => this.handlers.restart());
    const form = h(
      'form',
      { class: 'stack', novalidate: true },
      intro,
      this.field('rw-code', t('code'), code),
      submit,
      restart,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.handlers.verify(code.value);
    });
    return {
      root: form,
      update: (state) => setText(intro, t('codeIntro', { sentTo: state.challenge?.sentTo ?? '' })),
      focusTarget: () => code,
    };
  }

  private overviewStep(): StepView {
    const t = this.t;
    const hello = h('h3', { class: 'hello' });
    const accounts = h('ul', { class: 'accounts', 'aria-labelledby': 'rw-accounts-title' });
    const chooser = h('select', { 'data-testid': 'widget-account-select' });
    const chooserField = this.field('rw-chat-account', t('chooseAccount'), chooser);
    const agreements = this.agreementsSection();
    const askAgreement = h(
      'button',
      { type: 'button', class: 'primary', 'data-testid': 'widget-ask-agreement', 'data-busy-aware': true },
      t('askAgreement'),
    );
    const askAgent = h(
      'button',
      { type: 'button', class: 'secondary', 'data-testid': 'widget-ask-agent', 'data-busy-aware': true },
      t('askAgent'),
    );
    const logout = h(
      'button',
      { type: 'button', class: 'link', 'data-testid': 'widget-logout' },
      t('logout'),
    );
    let chosen: string | null = null;
    chooser.addEventListener('change', () => (chosen = chooser.value));
    const ask = (queue: ChatQueue) => {
      const accountId = chosen ?? chooser.value;
      if (accountId) this.handlers.askChat(accountId, queue);
    };
    askAgreement.addEventListener('click', () => ask('convenios'));
    askAgent.addEventListener('click', () => ask('cobranza'));
    logout.addEventListener('click', () => this.handlers.logout());
    const root = h(
      'div',
      { class: 'stack' },
      hello,
      h('h4', { id: 'rw-accounts-title' }, t('accountsTitle')),
      accounts,
      agreements.root,
      chooserField,
      h('div', { class: 'actions' }, askAgreement, askAgent),
      logout,
    );
    let accountsKey = '';
    return {
      root,
      update: (state) => {
        setText(hello, state.debtorName ? t('hello', { name: state.debtorName }) : t('helloAnonymous'));
        const key = JSON.stringify(state.accounts);
        if (key !== accountsKey) {
          accountsKey = key;
          accounts.replaceChildren(
            ...(state.accounts.length === 0
              ? [h('li', { class: 'muted' }, t('noAccounts'))]
              : state.accounts.map((a) => this.accountItem(a))),
          );
          chooser.replaceChildren(
            ...state.accounts.map((a) =>
              h(
                'option',
                { value: a.accountId },
                t('account', { number: maskAccountNumber(a.accountNumber) }),
              ),
            ),
          );
          if (chosen && state.accounts.some((a) => a.accountId === chosen)) chooser.value = chosen;
        }
        setHidden(chooserField, state.accounts.length < 2);
        agreements.update(state.agreements, state.accounts, true);
        askAgreement.hidden = askAgent.hidden = state.accounts.length === 0;
      },
      focusTarget: () => hello,
    };
  }

  private accountItem(account: WidgetAccountView): HTMLElement {
    const t = this.t;
    return h(
      'li',
      { class: 'card', 'data-testid': 'widget-account', 'data-account-number': account.accountNumber },
      h(
        'div',
        { class: 'row' },
        h('span', { class: 'label' }, t('account', { number: maskAccountNumber(account.accountNumber) })),
        h('span', { class: 'muted' }, account.clientName),
      ),
      h(
        'div',
        { class: 'row' },
        h('span', {}, t('balance')),
        h(
          'strong',
          { class: 'amount', 'data-testid': 'widget-balance' },
          formatMoney(account.balance, this.locale),
        ),
      ),
      h(
        'div',
        { class: 'row muted' },
        h(
          'span',
          {},
          account.daysPastDue > 0 ? t('daysPastDue', { days: account.daysPastDue }) : t('upToDate'),
        ),
        account.dueDate
          ? h('span', {}, t('dueDate', { date: formatDate(account.dueDate, this.locale) }))
          : null,
      ),
    );
  }

  /** The open agreements with their schedules: in the overview always, in the chat once there is one. */
  private agreementsSection(): {
    root: HTMLElement;
    update(
      agreements: readonly WidgetAgreementView[],
      accounts: readonly WidgetAccountView[],
      showEmpty: boolean,
    ): void;
  } {
    const t = this.t;
    const list = h('ul', { class: 'agreements-list' });
    const root = h(
      'section',
      { class: 'agreements', 'data-testid': 'widget-agreements', 'aria-labelledby': 'rw-agreements-title' },
      h('h4', { id: 'rw-agreements-title' }, t('agreementsTitle')),
      list,
    );
    let key = '';
    return {
      root,
      update: (agreements, accounts, showEmpty) => {
        setHidden(root, agreements.length === 0 && !showEmpty);
        const next = JSON.stringify([agreements, accounts.map((a) => a.accountId)]);
        if (next === key) return;
        key = next;
        const numbers = new Map(accounts.map((a) => [a.accountId, a.accountNumber]));
        list.replaceChildren(
          ...(agreements.length === 0
            ? [h('li', { class: 'muted' }, t('noAgreements'))]
            : agreements.map((a) => this.agreementItem(a, numbers.get(a.accountId) ?? null))),
        );
      },
    };
  }

  private agreementItem(agreement: WidgetAgreementView, accountNumber: string | null): HTMLElement {
    const t = this.t;
    const money = (m: WidgetAgreementView['total']) => formatMoney(m, this.locale);
    const table = h(
      'table',
      {},
      h('caption', {}, t('installmentsTitle')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('installmentSeq')),
          h('th', { scope: 'col' }, t('installmentDue')),
          h('th', { scope: 'col', class: 'amount' }, t('installmentAmount')),
          h('th', { scope: 'col' }, t('installmentState')),
        ),
      ),
      h(
        'tbody',
        {},
        ...agreement.installments.map((i) =>
          h(
            'tr',
            { 'data-testid': 'widget-installment' },
            h('td', {}, String(i.seq)),
            h('td', {}, formatDate(i.dueDate, this.locale)),
            h('td', { class: 'amount' }, money(i.amount)),
            h('td', {}, t(installmentStatusKey(i.status))),
          ),
        ),
      ),
    );
    return h(
      'li',
      {
        class: 'card',
        'data-testid': 'widget-agreement',
        'data-agreement-id': agreement.id,
        'data-status': agreement.status,
      },
      h(
        'div',
        { class: 'row' },
        h(
          'span',
          { class: 'label' },
          accountNumber
            ? t('agreementOf', { number: maskAccountNumber(accountNumber) })
            : t('agreementsTitle'),
        ),
        h('span', { class: `badge badge-${agreement.status}` }, t(agreementStatusKey(agreement.status))),
      ),
      h(
        'div',
        { class: 'row' },
        h('span', {}, t('agreementTotal')),
        h('strong', { class: 'amount' }, money(agreement.total)),
      ),
      agreement.downPayment.amountMinor > 0
        ? h(
            'div',
            { class: 'row' },
            h('span', {}, t('downPayment')),
            h('span', { class: 'amount' }, money(agreement.downPayment)),
          )
        : null,
      agreement.settlesInFull ? h('p', { class: 'muted' }, t('settlesInFull')) : null,
      agreement.installments.length > 0 ? table : null,
    );
  }

  private chatStep(): StepView {
    const t = this.t;
    const status = h('p', { class: 'chat-status', 'aria-live': 'polite' });
    const agentName = h('strong', { 'data-testid': 'widget-agent-name' });
    const waiting = h('span', { class: 'muted', 'data-testid': 'widget-waiting' }, t('waiting'));
    status.append(waiting, agentName);
    const agreements = this.agreementsSection();
    const messages = h('ol', {
      class: 'messages',
      role: 'log',
      'aria-live': 'polite',
      'aria-label': t('messagesLabel'),
      'data-testid': 'widget-messages',
      tabindex: '0',
    });
    const typing = h('p', { class: 'typing muted', 'data-testid': 'widget-typing', hidden: true });
    const input = h('textarea', {
      name: 'message',
      rows: '2',
      maxlength: String(MESSAGE_BODY_MAX),
      'data-testid': 'widget-message-input',
    });
    const send = h('button', { type: 'submit', class: 'primary', 'data-testid': 'widget-send' }, t('send'));
    const composer = h(
      'form',
      { class: 'composer' },
      h('label', { for: 'rw-message', class: 'sr-only' }, t('messageInput')),
      input,
      send,
    );
    input.id = 'rw-message';
    input.placeholder = t('messageInput');
    const leave = h('button', { type: 'button', class: 'link', 'data-testid': 'widget-leave' }, t('leave'));
    const ended = h(
      'p',
      { class: 'muted', 'data-testid': 'widget-chat-ended', hidden: true },
      t('chatEnded'),
    );
    const back = h(
      'button',
      { type: 'button', class: 'secondary', 'data-testid': 'widget-back', hidden: true },
      t('back'),
    );
    const submit = () => {
      const body = input.value.trim();
      if (!body) return;
      this.handlers.send(body);
      input.value = '';
      input.focus();
    };
    composer.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      submit();
    });
    input.addEventListener('input', () => this.handlers.typing());
    leave.addEventListener('click', () => this.handlers.leave());
    back.addEventListener('click', () => this.handlers.back());
    const root = h(
      'div',
      { class: 'chat' },
      h('h3', { class: 'sr-only' }, t('chatTitle')),
      status,
      agreements.root,
      messages,
      typing,
      ended,
      composer,
      h('div', { class: 'chat-actions' }, leave, back),
    );
    const rendered = new Map<string, HTMLElement>();
    return {
      root,
      update: (state) => {
        const name = state.chat?.agentName ?? null;
        setHidden(waiting, name !== null || chatEnded(state));
        setHidden(agentName, name === null);
        setText(agentName, name ? t('agentJoined', { name }) : '');
        agreements.update(state.agreements, state.accounts, false);
        this.renderMessages(messages, rendered, state.messages);
        setHidden(typing, !state.agentTyping);
        setText(typing, t('typing', { name: name ?? t('agentFallback') }));
        const over = chatEnded(state);
        setHidden(ended, !over);
        setHidden(composer, over);
        setHidden(leave, over);
        setHidden(back, !over);
      },
      focusTarget: () => input,
    };
  }

  /**
   * Appends new messages and updates changed ones in place, so a screen reader hears each new
   * message once; the list is rebuilt only when the order changed (an older message arrived late).
   */
  private renderMessages(
    list: HTMLElement,
    rendered: Map<string, HTMLElement>,
    messages: readonly ChatMessageView[],
  ): void {
    const keyOf = (m: ChatMessageView) => (m.clientRef ? `ref:${m.clientRef}` : `id:${m.id}`);
    const keys = messages.map(keyOf);
    const current = Array.from(list.children).map((el) => (el as HTMLElement).dataset['key'] ?? '');
    const prefixHolds = current.every((key, i) => keys[i] === key);
    if (!prefixHolds) {
      list.replaceChildren();
      rendered.clear();
    }
    const stuck = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    for (const message of messages) {
      const key = keyOf(message);
      const signature = `${message.id}|${message.status}|${message.body}`;
      const existing = rendered.get(key);
      if (existing && existing.dataset['signature'] === signature) continue;
      const item = this.messageItem(message, key, signature);
      if (existing) existing.replaceWith(item);
      else list.append(item);
      rendered.set(key, item);
    }
    if (stuck || !prefixHolds) list.scrollTop = list.scrollHeight;
  }

  private messageItem(message: ChatMessageView, key: string, signature: string): HTMLElement {
    const t = this.t;
    const who =
      message.author === 'agent' && message.agentName ? message.agentName : t(authorKey(message.author));
    const item = h(
      'li',
      {
        class: `message message-${message.author}`,
        'data-testid': 'widget-message',
        'data-author': message.author,
        'data-status': message.status,
      },
      h('span', { class: 'who' }, who),
      h('p', { class: 'text' }, message.body),
      h(
        'span',
        { class: 'meta' },
        h('time', { datetime: message.at }, formatTime(message.at, this.locale)),
        message.status === 'failed' ? h('span', { class: 'failed' }, ` · ${t('messageFailed')}`) : null,
      ),
    );
    item.dataset['key'] = key;
    item.dataset['signature'] = signature;
    return item;
  }
}
