/**
 * The widget's whole stylesheet, inside its shadow root. `:host { all: initial }` stops the
 * creditor's inherited fonts and colours at the boundary; sizes are in px so the page's root
 * font size cannot blow the panel up.
 */
export const WIDGET_STYLES = `
:host { all: initial; }
.rw {
  --rw-accent: #0b5cab;
  --rw-accent-dark: #084785;
  --rw-text: #1b1f24;
  --rw-muted: #5b6470;
  --rw-border: #d3d8de;
  --rw-surface: #ffffff;
  --rw-soft: #f3f5f8;
  --rw-danger: #b3261e;
  font: 400 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: var(--rw-text);
  position: fixed;
  right: 20px;
  bottom: 20px;
  z-index: 2147483000;
  display: flex;
  flex-direction: column;
  align-items: flex-end;
  gap: 12px;
  box-sizing: border-box;
}
.rw *, .rw *::before, .rw *::after { box-sizing: inherit; }
[hidden] { display: none !important; }
button, input, select, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.sr-only {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.launcher {
  display: inline-flex; align-items: center; gap: 8px;
  min-height: 48px; padding: 0 18px; border: 0; border-radius: 24px;
  background: var(--rw-accent); color: #fff; font-weight: 600; cursor: pointer;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25);
}
.launcher:hover { background: var(--rw-accent-dark); }
.panel {
  width: 380px; max-width: calc(100vw - 24px);
  height: 600px; max-height: calc(100vh - 100px);
  display: flex; flex-direction: column;
  background: var(--rw-surface); border: 1px solid var(--rw-border); border-radius: 12px;
  box-shadow: 0 10px 40px rgba(0, 0, 0, 0.25); overflow: hidden;
}
.panel-header {
  display: flex; align-items: center; justify-content: space-between; gap: 8px;
  padding: 12px 16px; background: var(--rw-accent); color: #fff;
}
.panel-header h2 { margin: 0; font-size: 17px; font-weight: 600; }
.icon-button {
  width: 36px; height: 36px; border: 0; border-radius: 18px; background: transparent;
  color: inherit; font-size: 24px; line-height: 1; cursor: pointer;
}
.icon-button:hover { background: rgba(255, 255, 255, 0.15); }
.error {
  margin: 0; padding: 10px 16px; background: #fdecea; color: var(--rw-danger);
  border-bottom: 1px solid #f5c2bd;
}
.body { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; }
.stack { display: flex; flex-direction: column; gap: 12px; }
.stack p, .stack h3, .stack h4 { margin: 0; }
h3 { font-size: 17px; }
h4 { font-size: 15px; color: var(--rw-muted); font-weight: 600; }
.field { display: flex; flex-direction: column; gap: 4px; }
.field label { font-weight: 600; }
.field input, .field select, .composer textarea {
  width: 100%; min-height: 44px; padding: 8px 10px;
  border: 1px solid var(--rw-border); border-radius: 8px; background: #fff;
}
.field input[aria-invalid='true'] { border-color: var(--rw-danger); }
.hint, .muted { color: var(--rw-muted); font-size: 13px; }
.primary, .secondary {
  min-height: 44px; padding: 0 16px; border-radius: 8px; font-weight: 600; cursor: pointer;
}
.primary { background: var(--rw-accent); color: #fff; border: 1px solid var(--rw-accent); }
.primary:hover { background: var(--rw-accent-dark); }
.secondary { background: #fff; color: var(--rw-accent); border: 1px solid var(--rw-accent); }
.primary:disabled, .secondary:disabled { opacity: 0.6; cursor: progress; }
.link {
  align-self: flex-start; padding: 4px 0; border: 0; background: none;
  color: var(--rw-accent); text-decoration: underline; cursor: pointer;
}
.actions { display: flex; flex-direction: column; gap: 8px; }
ul, ol { list-style: none; margin: 0; padding: 0; }
.accounts, .agreements-list { display: flex; flex-direction: column; gap: 8px; }
.agreements { display: flex; flex-direction: column; gap: 8px; }
.agreements h4 { margin: 0; }
.card {
  padding: 10px 12px; border: 1px solid var(--rw-border); border-radius: 8px; background: var(--rw-soft);
  display: flex; flex-direction: column; gap: 4px;
}
.row { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
.label { font-weight: 600; }
.amount { font-variant-numeric: tabular-nums; }
.badge { font-size: 12px; padding: 2px 8px; border-radius: 10px; background: #e4e8ee; }
.badge-active { background: #dff3e4; color: #14532d; }
.badge-pending_approval { background: #fff4d6; color: #6b4e00; }
table { width: 100%; border-collapse: collapse; font-size: 13px; margin-top: 4px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { text-align: left; padding: 4px; border-top: 1px solid var(--rw-border); }
th.amount, td.amount { text-align: right; }
.chat { flex: 1; display: flex; flex-direction: column; gap: 8px; min-height: 0; }
.chat-status { margin: 0; }
.chat .agreements { max-height: 40%; overflow-y: auto; flex-shrink: 0; }
.messages {
  flex: 1; min-height: 120px; overflow-y: auto; display: flex; flex-direction: column; gap: 8px;
  padding: 4px;
}
.message {
  max-width: 85%; padding: 8px 10px; border-radius: 10px; background: var(--rw-soft);
  align-self: flex-start; word-wrap: break-word; overflow-wrap: anywhere;
}
.message-debtor { align-self: flex-end; background: #dbe9f8; }
.message-system { align-self: center; background: transparent; color: var(--rw-muted); font-size: 13px; text-align: center; }
.message .who { display: block; font-size: 12px; font-weight: 600; color: var(--rw-muted); }
.message .text { margin: 2px 0; white-space: pre-wrap; }
.message .meta { font-size: 11px; color: var(--rw-muted); }
.message .failed { color: var(--rw-danger); }
.typing { margin: 0; font-style: italic; }
.composer { display: flex; gap: 8px; align-items: flex-end; }
.composer textarea { resize: none; min-height: 44px; max-height: 120px; }
.chat-actions { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
@media (max-width: 480px) {
  .rw { right: 8px; bottom: 8px; left: 8px; }
  .panel { width: 100%; max-width: none; height: calc(100vh - 80px); max-height: none; }
}
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: rw-in 120ms ease-out; }
  @keyframes rw-in { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
}
`;
