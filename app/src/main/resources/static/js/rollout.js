// The rollout workspace and the training pages: every change goes to the module's JSON API
// (with the CSRF header); on success the page reloads to show the new state, on failure the
// problem's words appear beside the control.
function csrfHeaders() {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  return header && token ? { [header.content]: token.content } : {};
}

async function call(url, method, body) {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', 'Content-Type': 'application/json', ...csrfHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const fields = (json.errors || []).map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new Error(fields || json.detail || json.title || String(response.status));
  }
  return json;
}

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
      await call(form.dataset.api, form.dataset.method || 'POST', body);
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
      await call(select.dataset.api, 'PUT', { [select.dataset.field]: select.value });
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
      await call(button.dataset.api, button.dataset.method || 'POST');
      window.location.reload();
    } catch (error) {
      showError(document, error);
      button.disabled = false;
    }
  });
});
