// The pipeline board (/leads): a card dropped on another column never moves the lead. The drop
// asks the server which open step of the lead's case can take it there (GET /api/leads/{id}/step)
// and opens that step's form; where the process allows no such move from here, or the step is
// not the user's, the page says why and the card stays where it was. Without a mouse, the card's
// link opens the lead with its steps.
import { request, problemText } from './lodestar.js';

const board = document.getElementById('board');
const message = document.getElementById('board-message');

function say(text, kind) {
  message.textContent = text;
  message.className = `board-message ${kind}`;
}

let dragged = null;

for (const card of board.querySelectorAll('.lead-card[draggable="true"]')) {
  card.addEventListener('dragstart', (event) => {
    dragged = { id: card.dataset.leadId, from: card.closest('.column').dataset.stage, card };
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', card.dataset.leadId);
    card.classList.add('dragging');
  });
  card.addEventListener('dragend', () => {
    card.classList.remove('dragging');
    for (const column of board.querySelectorAll('.drop-target')) column.classList.remove('drop-target');
    dragged = null;
  });
}

for (const column of board.querySelectorAll('.column')) {
  column.addEventListener('dragover', (event) => {
    if (!dragged || dragged.from === column.dataset.stage) return;
    event.preventDefault(); // a drop here is asked about
    event.dataTransfer.dropEffect = 'move';
    column.classList.add('drop-target');
  });
  column.addEventListener('dragleave', (event) => {
    if (!column.contains(event.relatedTarget)) column.classList.remove('drop-target');
  });
  column.addEventListener('drop', async (event) => {
    event.preventDefault();
    column.classList.remove('drop-target');
    const drop = dragged;
    if (!drop || drop.from === column.dataset.stage) return;
    await openStep(drop.id, column.dataset.stage);
  });
}

/** Opens the form of the lead's step that can take it to the stage, or says why there is none. */
async function openStep(leadId, stage) {
  try {
    const result = await request('GET', `/api/leads/${encodeURIComponent(leadId)}/step?to=${encodeURIComponent(stage)}`);
    if (result.ok) {
      say(board.dataset.msgOpening, 'info');
      window.location.assign(result.json.href);
      return;
    }
    if (result.status === 403 || result.status === 409) {
      say(problemText(result.problem, result.status), 'error');
    } else {
      say(`${board.dataset.msgFailed} ${problemText(result.problem, result.status)}`, 'error');
    }
  } catch (e) {
    say(`${board.dataset.msgFailed} ${e}`, 'error');
  }
}
