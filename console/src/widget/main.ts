/*
 * The debtor's widget, embedded on a creditor's site:
 *   <script src="https://recupera.example.com/widget/recupera-widget.js" data-client="BCORD" data-locale="es" defer></script>
 * data-api overrides the Recupera server (by default, the origin the script came from).
 */
import { RecuperaWidget } from './widget-app.util';
import { widgetLocale } from './widget-i18n.constant';

function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[src*="recupera-widget"][data-client]');
}

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function mount(script: HTMLScriptElement): void {
  const clientCode = script.dataset['client']?.trim();
  if (!clientCode) {
    console.error('recupera-widget: the script tag needs data-client="<client code>"');
    return;
  }
  const base = (script.dataset['api'] || new URL(script.src, document.baseURI).origin).replace(/\/+$/, '');
  const host = document.createElement('recupera-widget');
  host.setAttribute('data-client', clientCode);
  document.body.append(host);
  const widget = new RecuperaWidget({
    base,
    clientCode,
    locale: widgetLocale(script.dataset['locale']),
    storage: sessionStore(),
    root: host.attachShadow({ mode: 'open' }),
  });
  widget.start();
}

const script = ownScript();
if (script) {
  if (document.body) mount(script);
  else document.addEventListener('DOMContentLoaded', () => mount(script), { once: true });
}
