// The task page: renders the task's Camunda Form with form-js, the process diagram with the
// current step marked (bpmn-js), and sends claim / unclaim / reassign / comment / complete to
// the JSON API, which checks everything again on the server.
const page = document.getElementById('task-page');
const taskId = page.dataset.taskId;
const message = document.getElementById('task-message');
const errorList = document.getElementById('form-errors');

function csrfHeaders() {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  return header && token ? { [header.content]: token.content } : {};
}

async function api(method, path, body) {
  const response = await fetch(`/api/tasks/${encodeURIComponent(taskId)}${path}`, {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', 'Content-Type': 'application/json', ...csrfHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let problem = null;
  if (!response.ok) {
    try { problem = await response.json(); } catch { problem = { detail: response.statusText }; }
  }
  return { ok: response.ok, status: response.status, problem, response };
}

function say(text, kind) {
  message.textContent = text;
  message.className = kind;
}

function showProblem(result) {
  if (result.status === 409) {
    say(page.dataset.msgConflict + ' ' + (result.problem?.detail ?? ''), 'error');
  } else {
    say(page.dataset.msgFailed + ' ' + (result.problem?.detail ?? result.status), 'error');
  }
}

async function act(method, path, body) {
  const result = await api(method, path, body);
  if (result.ok) {
    window.location.reload();
  } else {
    showProblem(result);
  }
}

document.getElementById('claim')?.addEventListener('click', () => act('POST', '/claim'));
document.getElementById('unclaim')?.addEventListener('click', () => act('POST', '/unclaim'));
document.getElementById('reassign')?.addEventListener('click', () =>
  act('PUT', '/assignee', { userId: document.getElementById('reassign-to').value }));
document.getElementById('add-comment')?.addEventListener('click', () =>
  act('POST', '/comments', { message: document.getElementById('comment-text').value }));

// ---- the form -------------------------------------------------------------------------------
let form = null;
let schema = null;

function componentsByKey(components, into = {}) {
  for (const component of components ?? []) {
    if (component.key) into[component.key] = component;
    componentsByKey(component.components, into);
  }
  return into;
}

function showFieldErrors(errors) {
  const byKey = componentsByKey(schema?.components);
  const formErrors = {};
  errorList.replaceChildren();
  for (const { field, message: text } of errors) {
    const item = document.createElement('li');
    item.dataset.field = field;
    item.textContent = `${byKey[field]?.label ?? field}: ${text}`;
    errorList.append(item);
    if (byKey[field]?.id) formErrors[byKey[field].id] = [text];
  }
  errorList.className = errors.length ? 'error' : 'error hidden';
  // the same messages under the fields themselves
  form?._setState({ errors: formErrors });
}

async function loadForm() {
  const container = document.getElementById('form');
  if (!container) return;
  const response = await fetch(`/api/tasks/${encodeURIComponent(taskId)}/form`, { credentials: 'same-origin' });
  if (!response.ok) return;
  const body = await response.json();
  schema = body.schema;
  form = new window.FormViewer.Form({ container });
  await form.importSchema(schema, body.data ?? {});
  container.dataset.ready = 'true';
}

document.getElementById('complete')?.addEventListener('click', async () => {
  const values = form ? form._getState().data : {};
  const result = await api('POST', '/complete', values);
  if (result.ok) {
    say(page.dataset.msgSaved, 'info');
    window.location.href = '/?completed=' + encodeURIComponent(taskId);
  } else if (result.status === 400 && Array.isArray(result.problem?.errors)) {
    showFieldErrors(result.problem.errors);
    say(result.problem.title ?? page.dataset.msgFailed, 'error');
  } else {
    showProblem(result);
  }
});

// ---- the diagram ----------------------------------------------------------------------------
async function loadDiagram() {
  const container = document.getElementById('diagram');
  const response = await fetch(`/api/tasks/${encodeURIComponent(taskId)}/diagram`, { credentials: 'same-origin' });
  if (!response.ok || !window.BpmnJS) return;
  const viewer = new window.BpmnJS({ container });
  await viewer.importXML(await response.text());
  const canvas = viewer.get('canvas');
  canvas.zoom('fit-viewport');
  const current = page.dataset.activityId;
  if (current) canvas.addMarker(current, 'current-step');
  container.dataset.ready = 'true';
}

loadForm().catch((e) => say(String(e), 'error'));
loadDiagram().catch((e) => console.error(e));
