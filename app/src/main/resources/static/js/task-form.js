// A task's Camunda Form rendered with form-js and completed through the worklist's task API
// (/api/tasks/{id}/...), shared by the task page and the pages of a case (e.g. a lead) that
// let the user do the case's next step in place.
import { parseWritten, formatPlain } from './numbers.js';
import { guard } from './unsaved.js';
import { request } from './lodestar.js';

/** A call to the task's API: lodestar.js's request, answering { ok, status, json, problem, response }. */
export function taskApi(taskId, method, path, body) {
  return request(method, `/api/tasks/${encodeURIComponent(taskId)}${path}`, body);
}

function componentsByKey(components, into = {}) {
  for (const component of components ?? []) {
    if (component.key) into[component.key] = component;
    componentsByKey(component.components, into);
  }
  return into;
}

/** The label a person sees for a field: date and time fields carry theirs in dateLabel/timeLabel. */
export function labelOf(component, key) {
  return component?.label || component?.dateLabel || component?.timeLabel || key;
}

/**
 * Renders the task's form into {@code container}; answers null when the caller may not see it.
 * form-js debounces its inputs by 300 ms and re-renders the whole form when one of them
 * flushes: text typed into the next field inside that window was overwritten by the stale
 * state (a pasted summary saved as its last letters). Every keystroke goes to the state at
 * once instead (debounce: false), so the state is never behind what is on the screen.
 */
export async function mountTaskForm(container, taskId, errorList) {
  const answer = await request('GET', `/api/tasks/${encodeURIComponent(taskId)}/form`);
  if (!answer.ok) return null;
  const body = answer.json;
  const schema = body.schema;
  const byKey = componentsByKey(schema?.components);
  const form = new window.FormViewer.Form({ container, debounce: false });
  await form.importSchema(schema, body.data ?? {});
  container.dataset.ready = 'true';
  let shownErrors = {};

  function values() {
    const data = form._getState().data ?? {};
    const submitted = {};
    for (const [key, component] of Object.entries(byKey)) {
      if (component.type === 'text' || component.type === 'image' || component.type === 'spacer') continue;
      if (key in data) submitted[key] = data[key];
    }
    return submitted;
  }

  function render() {
    errorList.replaceChildren();
    const formErrors = {};
    for (const [field, text] of Object.entries(shownErrors)) {
      const item = document.createElement('li');
      item.dataset.field = field;
      item.textContent = `${labelOf(byKey[field], field)}: ${text}`;
      errorList.append(item);
      if (byKey[field]?.id) formErrors[byKey[field].id] = [text];
    }
    errorList.classList.toggle('hidden', Object.keys(shownErrors).length === 0);
    form._setState({ errors: formErrors });
  }

  function showErrors(errors) {
    const snapshot = form._getState().data ?? {};
    shownErrors = {};
    errorValues = {};
    for (const { field, message } of errors) {
      shownErrors[field] = message;
      errorValues[field] = JSON.stringify(snapshot[field] ?? null);
    }
    render();
  }

  // an error goes away as soon as its field is changed: the summary never lists a fixed field
  let errorValues = {};
  form.on('changed', ({ data }) => {
    let changed = false;
    for (const field of Object.keys(errorValues)) {
      if (JSON.stringify(data?.[field] ?? null) !== errorValues[field]) {
        delete shownErrors[field];
        delete errorValues[field];
        changed = true;
      }
    }
    if (changed) render();
  });

  // numbers as people write them (the server shows number fields as text fields): under each,
  // what the typed text is understood as, with the currency of a money field, before it is saved
  const understood = container.dataset.msgUnderstood ?? 'Understood as {0}';
  const notUnderstood = container.dataset.msgNotUnderstood ?? 'Not understood: write it like 50,000 or 50000.50';
  const numberFields = Object.entries(byKey).filter(([, c]) => c.properties?.writtenNumber === 'true');
  function preview(data) {
    for (const [key, component] of numberFields) {
      const input = container.querySelector(`[id$="-${CSS.escape(component.id)}"]`);
      const field = input?.closest('.fjs-form-field');
      if (!field) continue;
      let line = field.querySelector(':scope > .number-understood');
      if (!line) {
        line = document.createElement('div');
        line.className = 'number-understood';
        line.dataset.field = key;
        line.setAttribute('aria-live', 'polite');
        field.append(line);
      }
      const written = data?.[key];
      const plain = written === undefined || written === null || written === '' ? null : parseWritten(written);
      if (written === undefined || written === null || String(written).trim() === '') {
        line.textContent = '';
      } else if (plain === null) {
        line.textContent = notUnderstood;
        line.classList.add('error');
      } else {
        const shown = formatPlain(plain) + (component.properties?.currency ? ' ' + component.properties.currency : '');
        line.textContent = understood.replace('{0}', shown);
        line.classList.remove('error');
      }
    }
  }
  // typed work is not lost by a click elsewhere or a closed tab (unsaved.js)
  // only what the person does counts: form-js also reports its own changes while it renders
  let dirty = false;
  container.addEventListener('input', () => { dirty = true; });
  container.addEventListener('change', () => { dirty = true; });
  guard(() => dirty && container.isConnected);

  if (numberFields.length) {
    preview(form._getState().data);
    form.on('changed', ({ data }) => preview(data));
  }

  return { form, schema, values, showErrors, clearErrors: () => { shownErrors = {}; errorValues = {}; render(); } };
}
