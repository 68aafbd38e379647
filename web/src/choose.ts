// A native select that acts once the choice is made: a pick from the open list at once, but arrow keys and typed
// letters on a closed select (which Chromium turns into a change per key) only on Enter or when focus leaves it.
// Without this, typing "2018" applied "2" and re-rendered the page under the user's fingers.

/** Calls `apply(value)` when the user has chosen a new value in `select`; returns the select. */
export function onChosen(select: HTMLSelectElement, apply: (value: string) => void): HTMLSelectElement {
  let applied = select.value;
  let keyed = false;
  const commit = () => {
    keyed = false;
    if (select.value === applied) return;
    applied = select.value;
    apply(select.value);
  };
  select.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key !== 'Tab' && e.key !== 'Shift') keyed = true;
  });
  select.addEventListener('mousedown', () => {
    keyed = false;
  });
  select.addEventListener('change', () => {
    if (!keyed) commit();
  });
  select.addEventListener('blur', commit);
  return select;
}
