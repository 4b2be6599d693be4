// The rollout workspace and the training pages: every change goes to the module's JSON API
// (with the CSRF header); on success the page reloads to show the new state, on failure the
// problem's words appear beside the control.
// (sendJson throws HttpError on a refusal: its message is the problem's words, its fields first.)
import { sendJson } from './lodestar.js';

function showError(near, error) {
  const target = near.querySelector?.('.form-error') || document.getElementById('issue-error');
  if (target) {
    target.textContent = error.message;
  }
}

function shape(form) {
  if (form.dataset.shape === 'attendance') {
    const present = {};
    form.querySelectorAll('input.present').forEach((box) => { present[box.name] = box.checked; });
    return { present };
  }
  if (form.dataset.shape === 'quiz') {
    const answers = {};
    form.querySelectorAll('li.question').forEach((li) => {
      const number = li.dataset.question;
      answers[number] = [...li.querySelectorAll('input:checked')].map((i) => Number(i.value));
    });
    return { answers };
  }
  const body = {};
  new FormData(form).forEach((value, key) => {
    const input = form.elements[key];
    if (input && input.type === 'number') {
      body[key] = value === '' ? null : Number(value);
    } else {
      body[key] = value;
    }
  });
  return body;
}

// a confirmation that outlives the reload: the form says what was saved ({present} = ticks)
const FLASH = 'lodestar.rollout.saved';
const flash = sessionStorage.getItem(FLASH);
if (flash) {
  sessionStorage.removeItem(FLASH);
  const { target, text } = JSON.parse(flash);
  const place = document.getElementById(target);
  if (place) place.textContent = text;
}

document.querySelectorAll('form[data-api]').forEach((form) => {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      const body = shape(form);
      await sendJson(form.dataset.method || 'POST', form.dataset.api, body);
      if (form.dataset.saved && form.dataset.savedTarget) {
        const present = body.present ? Object.values(body.present).filter(Boolean).length : 0;
        const text = form.dataset.saved.replace('{present}', present).replace('{participant}', body.participant ?? '');
        sessionStorage.setItem(FLASH, JSON.stringify({ target: form.dataset.savedTarget, text }));
      }
      window.location.reload();
    } catch (error) {
      showError(form, error);
      if (button) button.disabled = false;
    }
  });
});

document.querySelectorAll('select[data-api]').forEach((select) => {
  select.addEventListener('change', async () => {
    select.disabled = true;
    try {
      await sendJson('PUT', select.dataset.api, { [select.dataset.field]: select.value });
      window.location.reload();
    } catch (error) {
      showError(document, error);
      select.disabled = false;
    }
  });
});

document.querySelectorAll('button[data-api]').forEach((button) => {
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await sendJson(button.dataset.method || 'POST', button.dataset.api);
      window.location.reload();
    } catch (error) {
      showError(document, error);
      button.disabled = false;
    }
  });
});
