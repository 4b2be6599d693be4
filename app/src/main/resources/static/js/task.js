// The task page: renders the task's Camunda Form with form-js, the process diagram with the
// current step marked (bpmn-js NavigatedViewer: zoom and pan), and sends claim / unclaim /
// reassign / comment / complete to the JSON API, which checks everything again on the server.
import { mountTaskForm, taskApi } from './task-form.js';
import { saved } from './unsaved.js';
import { getText } from './lodestar.js';
import { showLabels } from './diagram-labels.js';

const page = document.getElementById('task-page');
const taskId = page.dataset.taskId;
const message = document.getElementById('task-message');
const errorList = document.getElementById('form-errors');
const completeButton = document.getElementById('complete');

function say(text, kind) {
  message.textContent = text;
  message.className = kind;
}

function showProblem(result) {
  if (result.status === 404 || result.status === 409) {
    // done or taken by somebody else meanwhile (a stale tab): the page itself says by whom
    window.location.reload();
  } else if (result.status === 403) {
    say(page.dataset.msgForbidden, 'error');
  } else {
    say(`${page.dataset.msgFailed} ${result.problem?.detail ?? result.status}`, 'error');
  }
}

async function act(button, method, path, body, then) {
  button.disabled = true;
  try {
    const result = await taskApi(taskId, method, path, body);
    if (result.ok) {
      if (then) {
        window.location.assign(then);
      } else {
        window.location.reload();
      }
      return;
    }
    showProblem(result);
  } catch (e) {
    say(`${page.dataset.msgFailed} ${e}`, 'error');
  }
  button.disabled = false;
}

const on = (id, handler) => {
  const button = document.getElementById(id);
  button?.addEventListener('click', () => handler(button));
};
on('claim', (b) => act(b, 'POST', '/claim'));
on('unclaim', (b) => act(b, 'POST', '/unclaim'));
// reassigning moves the case's owner only when the manager ticks the box; the page answers with both
const reassignTo = document.getElementById('reassign-to');
const makeOwner = document.getElementById('reassign-make-owner');
const makeOwnerText = document.getElementById('reassign-make-owner-text');
reassignTo?.addEventListener('change', () => {
  if (makeOwnerText) makeOwnerText.textContent = makeOwnerText.dataset.template.replace('{0}', reassignTo.value);
});
on('reassign', (b) => {
  const userId = reassignTo.value;
  const madeOwner = makeOwner?.checked === true;
  const answer = new URLSearchParams({ reassigned: userId });
  if (madeOwner) answer.set('madeOwner', '1');
  act(b, 'PUT', '/assignee', { userId, makeOwner: madeOwner }, `${window.location.pathname}?${answer}`);
});
on('add-comment', (b) => act(b, 'POST', '/comments', { message: document.getElementById('comment-text').value }));

// ---- the form -------------------------------------------------------------------------------
let mounted = null;

async function loadForm() {
  const container = document.getElementById('form');
  if (!container) return;
  mounted = await mountTaskForm(container, taskId, errorList);
}

completeButton?.addEventListener('click', async () => {
  completeButton.disabled = true;
  say(page.dataset.msgSaving, 'muted');
  try {
    const result = await taskApi(taskId, 'POST', '/complete', mounted ? mounted.values() : {});
    if (result.ok) {
      saved();
      say(page.dataset.msgSaved, 'info');
      // replace: the back button must not return to the form of a task that is done
      window.location.replace('/?completed=' + encodeURIComponent(taskId));
      return;
    }
    if (result.status === 400 && Array.isArray(result.problem?.errors)) {
      mounted?.showErrors(result.problem.errors);
      say(result.problem.title ?? page.dataset.msgFailed, 'error');
    } else {
      showProblem(result);
    }
  } catch (e) {
    say(`${page.dataset.msgFailed} ${e}`, 'error');
  }
  completeButton.disabled = false;
});

// ---- the diagram ----------------------------------------------------------------------------
async function loadDiagram() {
  const container = document.getElementById('diagram');
  const xml = await getText(`/api/tasks/${encodeURIComponent(taskId)}/diagram`).catch(() => null);
  if (xml === null || !window.BpmnJS) return;
  const viewer = new window.BpmnJS({ container });
  await viewer.importXML(xml);
  // the steps' names in the reader's language (the model keeps its own)
  await showLabels(viewer).catch((e) => console.error(e));
  const canvas = viewer.get('canvas');
  const current = page.dataset.activityId;
  if (current) canvas.addMarker(current, 'current-step');
  // readable from the start: real size around the current step, not the whole model shrunk
  canvas.zoom(1);
  const element = current ? viewer.get('elementRegistry').get(current) : null;
  if (element) {
    const box = canvas.viewbox();
    canvas.viewbox({ x: element.x + element.width / 2 - box.width / 2, y: element.y + element.height / 2 - box.height / 2,
      width: box.width, height: box.height });
  } else {
    canvas.zoom('fit-viewport', 'auto');
  }
  const zoom = (factor) => canvas.zoom(Math.min(4, Math.max(0.2, canvas.zoom() * factor)));
  document.getElementById('zoom-in')?.addEventListener('click', () => zoom(1.25));
  document.getElementById('zoom-out')?.addEventListener('click', () => zoom(0.8));
  document.getElementById('zoom-fit')?.addEventListener('click', () => canvas.zoom('fit-viewport', 'auto'));
  container.dataset.ready = 'true';
}

loadForm().catch((e) => say(String(e), 'error'));
loadDiagram().catch((e) => console.error(e));
