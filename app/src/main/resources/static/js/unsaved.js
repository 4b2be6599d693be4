// Nothing leaves unsaved: while an editor or a form holds changes that were not saved, closing
// the tab or reloading asks first (beforeunload), and so does following a link of the app.
// A page calls guard(() => dirty) once, and saved() after a save so that it may leave.

let check = () => false;
let leaving = false;
const text = () => document.documentElement.dataset.msgUnsaved
  ?? (document.documentElement.lang?.startsWith('zh') ? '有尚未保存的更改。仍要离开此页面吗？'
    : 'You have changes that are not saved. Leave this page anyway?');

export function guard(isDirty) {
  const previous = check;
  check = () => previous() || isDirty();
  if (guard.installed) return;
  guard.installed = true;
  window.addEventListener('beforeunload', (event) => {
    if (leaving || !check()) return;
    event.preventDefault();
    event.returnValue = ''; // the browser shows its own wording
  });
  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[href]');
    if (!link || link.target === '_blank' || link.getAttribute('href').startsWith('#') || !check()) return;
    if (window.confirm(text())) {
      leaving = true;
    } else {
      event.preventDefault();
    }
  }, true);
}

/** After a save, or before leaving on purpose: the page may go without asking. */
export function saved() {
  leaving = true;
}
