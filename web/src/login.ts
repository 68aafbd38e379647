// Login: the form shown when the server asks for it (401), and the user's name with a logout button in the header.
import { api, ApiFailure, type SessionUser } from './api.ts';
import { h, mount } from './dom.ts';

/** Shows the login form in `main`; resolves once the user is logged in. */
export function loginForm(main: HTMLElement, message?: string): Promise<SessionUser> {
  return new Promise((resolve) => {
    const error = h('p', { class: 'error', role: 'alert', hidden: !message }, message ?? '');
    const name = h('input', { id: 'login-name', name: 'name', autocomplete: 'username', required: true });
    const password = h('input', {
      id: 'login-password',
      name: 'password',
      type: 'password',
      autocomplete: 'current-password',
      required: true,
    });
    const form = h(
      'form',
      {
        class: 'login',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          try {
            resolve(await api.login(name.value, password.value));
          } catch (err) {
            error.hidden = false;
            error.textContent = err instanceof ApiFailure ? err.message : 'Inloggen lukte niet.';
            password.value = '';
            password.focus();
          }
        },
      },
      h('h1', {}, 'Inloggen bij Roer'),
      error,
      h('div', { class: 'field' }, h('label', { for: 'login-name' }, 'Gebruikersnaam'), name),
      h('div', { class: 'field' }, h('label', { for: 'login-password' }, 'Wachtwoord'), password),
      h('button', { type: 'submit' }, 'Inloggen'),
    );
    mount(main, form);
    name.focus();
  });
}

/** The user's name and a logout button, for the top bar. */
export function userMenu(el: HTMLElement, user: SessionUser | null): void {
  if (!user) {
    mount(el);
    return;
  }
  mount(
    el,
    h('span', { class: 'user' }, `${user.name} (${user.roleLabel})`),
    h(
      'button',
      {
        type: 'button',
        class: 'logout',
        onclick: async () => {
          await api.logout().catch(() => undefined);
          location.assign('/');
        },
      },
      'Uitloggen',
    ),
  );
}
