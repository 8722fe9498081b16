/**
 * A partnership form or record, shown in the page as the server rendered it (an iframe of its
 * HTML, no scripts) with Print and Close: Teams tabs cannot open pop-ups reliably.
 */
import type { Api } from './api';
import { h } from './dom';

export async function showPrintable(api: Api, path: string, title: string): Promise<void> {
  const html = await api.text(path);
  const frame = h('iframe', { class: 'print-frame', title, sandbox: 'allow-same-origin allow-modals' });
  frame.srcdoc = html;
  const close = () => dialog.remove();
  const dialog = h(
    'div',
    { class: 'print-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
    h(
      'div',
      { class: 'print-bar' },
      h('strong', {}, title),
      h('span', { class: 'spacer' }),
      h('button', { class: 'primary', type: 'button', onclick: () => frame.contentWindow?.print() }, 'Print'),
      h('button', { type: 'button', onclick: close }, 'Close'),
    ),
    frame,
  );
  dialog.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') close();
  });
  document.body.append(dialog);
  (dialog.querySelector('button.primary') as HTMLButtonElement).focus();
}
