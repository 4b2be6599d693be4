// A lead's page: each open step of its case is done in place with the task's own form,
// completed through the worklist's task API; the page then reloads to show where the lead went.
import { mountTaskForm, taskApi } from './task-form.js';
import { saved } from './unsaved.js';

const page = document.getElementById('lead-page');

for (const step of document.querySelectorAll('.step[data-task-id]')) {
  const taskId = step.dataset.taskId;
  const message = step.querySelector('.step-message');
  const errors = step.querySelector('.step-errors');
  const button = step.querySelector('.step-complete');
  const say = (text, kind) => { message.textContent = text; message.className = `step-message ${kind}`; };

  mountTaskForm(step.querySelector('.step-form'), taskId, errors).then((mounted) => {
    if (!mounted) {
      say(page.dataset.msgNotYours, 'muted');
      return;
    }
    button.classList.remove('hidden');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const result = await taskApi(taskId, 'POST', '/complete', mounted.values());
        if (result.ok) {
          say(page.dataset.msgDone, 'info');
          saved();
          window.location.replace(`/leads/${page.dataset.leadId}?done=${encodeURIComponent(taskId)}`);
          return;
        }
        if (result.status === 400 && Array.isArray(result.problem?.errors)) {
          mounted.showErrors(result.problem.errors);
          say(result.problem.title ?? page.dataset.msgFailed, 'error');
        } else if (result.status === 404 || result.status === 409) {
          say(`${page.dataset.msgConflict} ${result.problem?.detail ?? ''}`, 'error');
        } else {
          say(`${page.dataset.msgFailed} ${result.problem?.detail ?? result.status}`, 'error');
        }
      } catch (e) {
        say(`${page.dataset.msgFailed} ${e}`, 'error');
      }
      button.disabled = false;
    });
  }).catch((e) => say(String(e), 'error'));
}
