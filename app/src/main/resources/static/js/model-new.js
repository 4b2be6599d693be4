// The new-model page (/models/new): makes a new process, decision or form as a draft, or
// uploads model files as drafts. Every refusal is shown with the server's reason.
import { sendRaw as send } from './lodestar.js';

const page = document.getElementById('model-new-page');

function say(element, message, kind) {
  element.textContent = message;
  element.className = kind;
}

// the server's reason: each refused field with its message, else the problem's detail
function reason(status, json) {
  const errors = json?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
  return `${page.dataset.msgFailed} ${errors || json?.detail || status}`;
}

document.getElementById('new-model').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const message = document.getElementById('new-message');
  const key = form.key.value.trim();
  const result = await send('POST', '/api/models', JSON.stringify({
    kind: form.kind.value, key, name: form.name.value.trim() || null, start: form.start.value,
  }), 'application/json');
  if (!result.ok) {
    const keyRefused = result.json?.errors?.some((e) => e.field === 'key') ?? false;
    form.key.setAttribute('aria-invalid', String(keyRefused));
    // the key's refusals in the reader's language; anything else with the server's reason
    if (result.status === 409 && keyRefused) return say(message, page.dataset.msgKeyTaken.replace('{0}', key), 'error');
    if (result.status === 400 && keyRefused) return say(message, page.dataset.msgKeyInvalid.replace('{0}', key), 'error');
    return say(message, reason(result.status, result.json), 'error');
  }
  say(message, page.dataset.msgCreated, 'info');
  window.location.href = `/models/${encodeURIComponent(key)}`;
});

document.getElementById('upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const message = document.getElementById('upload-message');
  const list = document.getElementById('uploaded');
  list.replaceChildren();
  const file = document.getElementById('upload-file').files[0];
  if (!file) return say(message, `${page.dataset.msgFailed} file: —`, 'error');
  const result = await send('POST', `/api/models/uploads?fileName=${encodeURIComponent(file.name)}`, file,
    'application/octet-stream');
  if (!result.ok) return say(message, reason(result.status, result.json), 'error');
  say(message, page.dataset.msgUploaded.replace('{0}', result.json.length), 'info');
  for (const model of result.json) {
    const item = document.createElement('li');
    item.dataset.key = model.key;
    item.dataset.created = model.created;
    const link = document.createElement('a');
    link.href = `/models/${encodeURIComponent(model.key)}`;
    link.textContent = model.resourceName;
    item.append(link);
    list.append(item);
  }
});
