// How a failed request looks: the API's own Dutch message in an alert, with a retry.
import { ApiFailure } from '../api.ts';
import { h } from '../dom.ts';

export function errorBox(e: unknown): HTMLElement {
  const message = e instanceof ApiFailure ? e.message : 'Er ging iets mis bij het laden van deze pagina.';
  if (!(e instanceof ApiFailure)) console.error(e);
  const expired = e instanceof ApiFailure && e.status === 401;
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('p', {}, h('strong', {}, 'Dit lukte niet. '), message),
    h('button', { type: 'button', onclick: () => location.reload() }, expired ? 'Opnieuw inloggen' : 'Opnieuw proberen'),
  );
}
