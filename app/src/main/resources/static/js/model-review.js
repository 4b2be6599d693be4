// A change request (/models/{key}/change-requests/{id}), four eyes on a model change: the diff
// against the deployed version (diagrams and words) with its impact, the check with element
// names, the replay of finished cases, comments on elements, and approve / deploy / move to the
// newest draft / withdraw as the reader's role allows. Every action answers on the screen.
import { request, getText, problemText, formatDateTime, formatNumber } from './lodestar.js';

const page = document.getElementById('review-page');
const key = page.dataset.key;
const id = page.dataset.id;
const kind = page.dataset.kind;
const api = `/api/models/change-requests/${encodeURIComponent(id)}`;
const message = document.getElementById('review-message');
let names = {};
let right = null;

function fill(text, ...args) {
  return args.reduce((result, arg, i) => result.replace(`{${i}}`, arg), text);
}

function say(element, text, kind) {
  element.textContent = text;
  element.className = kind;
  if (kind === 'error') element.scrollIntoView?.({ block: 'nearest' });
}

function failed(result) {
  return `${page.dataset.msgFailed} ${problemText(result.problem, result.status)}`;
}

function named(elementId) {
  if (!elementId) return page.dataset.msgWhole;
  const name = names[elementId];
  return name && name !== elementId ? `${name} (${elementId})` : elementId;
}

function show(element, visible) {
  element.classList.toggle('hidden', !visible);
}

// ---- the request ---------------------------------------------------------------------------
function showRequest(r) {
  page.dataset.status = r.status;
  document.getElementById('review-status').textContent = page.dataset[`msgStatus${r.status[0]}${r.status.slice(1).toLowerCase()}`] ?? r.status;
  document.getElementById('review-by').textContent = `${fill(page.dataset.msgBy, r.author)} · ${formatDateTime(r.openedAt)}`;
  document.getElementById('review-base').textContent = r.baseVersion > 0 ? fill(page.dataset.msgBase, r.baseVersion) : page.dataset.msgNewModel;
  document.getElementById('review-comment').textContent = r.comment ?? '';
  const approval = document.getElementById('review-approval');
  const parts = [];
  if (r.approvedBy) parts.push(`${fill(page.dataset.msgApprovedBy, r.approvedBy)} · ${formatDateTime(r.approvedAt)}`);
  if (r.deployedBy) parts.push(`${fill(page.dataset.msgDeployedBy, r.deployedBy)} · ${formatDateTime(r.deployedAt)}`);
  approval.textContent = parts.join(' — ');
  show(approval, parts.length > 0);
  const warning = document.getElementById('review-warning');
  const warnings = [];
  if (r.approvalVoid) warnings.push(page.dataset.msgApprovalVoid);
  else if (r.draftChanged) warnings.push(page.dataset.msgDraftChanged);
  if (r.outdated) warnings.push(page.dataset.msgOutdated);
  if (r.status === 'OPEN' && !r.actions.approve && !r.draftChanged && !r.outdated) warnings.push(page.dataset.msgOnlyOthers);
  warning.textContent = warnings.join(' ');
  warning.className = r.approvalVoid || r.outdated ? 'differs' : 'muted';
  show(warning, warnings.length > 0);
  show(document.getElementById('approve'), r.actions.approve);
  show(document.getElementById('deploy-approved'), r.actions.deploy);
  show(document.getElementById('update-request'), r.actions.update);
  show(document.getElementById('withdraw-request'), r.actions.withdraw);
}

function listItem(list, text, attributes = {}) {
  const item = document.createElement('li');
  item.textContent = text;
  Object.assign(item.dataset, attributes);
  list.append(item);
  return item;
}

function showDiff(diff, baseVersion) {
  const list = document.getElementById('review-changes');
  list.replaceChildren();
  if (!diff) {
    listItem(list, baseVersion > 0 ? page.dataset.msgNoDiff : page.dataset.msgNewModel);
    return;
  }
  for (const change of diff.changes) listItem(list, change.text, { elementId: change.elementId, type: change.type });
  if (!diff.changes.length) listItem(list, page.dataset.msgNoChanges);
  const impact = diff.impact;
  show(document.getElementById('review-impact'), true);
  document.getElementById('review-impact-roles').textContent = impact.roles.join(', ') || '–';
  document.getElementById('review-impact-runtime-roles').textContent = impact.runtimeRoles.join(', ') || '–';
  document.getElementById('review-impact-forms').textContent = impact.forms.join(', ') || '–';
  document.getElementById('review-impact-running').textContent = formatNumber(impact.runningInstancesTouched);
}

function showCheck(detail) {
  const verdict = document.getElementById('review-check');
  say(verdict, detail.deployable ? page.dataset.msgCheckPassed : page.dataset.msgCheckFailed, detail.deployable ? 'info' : 'error');
  const list = document.getElementById('review-findings');
  list.replaceChildren();
  for (const finding of detail.findings) {
    const where = finding.elementId ? named(finding.elementId) : '';
    const item = listItem(list, where ? `${where}: ${finding.message}` : finding.message,
      { elementId: finding.elementId ?? '', code: finding.code });
    item.className = finding.severity;
    if (finding.elementId) item.addEventListener('click', () => pick(finding.elementId));
  }
}

function showComments(comments) {
  const table = document.getElementById('review-comments');
  table.replaceChildren();
  for (const comment of comments) {
    const row = table.insertRow();
    row.className = 'review-comment';
    row.dataset.elementId = comment.elementId ?? '';
    row.insertCell().textContent = comment.elementId ? (comment.elementName && comment.elementName !== comment.elementId
      ? `${comment.elementName} (${comment.elementId})` : comment.elementId) : page.dataset.msgWhole;
    row.insertCell().textContent = comment.text;
    row.insertCell().textContent = `${comment.author} · ${formatDateTime(comment.createdAt)}`;
    if (comment.elementId) right?.get('elementRegistry').get(comment.elementId)
      && right.get('canvas').addMarker(comment.elementId, 'suggested');
  }
  if (!comments.length) table.insertRow().insertCell().textContent = page.dataset.msgNone;
}

function fillElements() {
  const select = document.getElementById('comment-element');
  if (!select) return;
  const chosen = select.value;
  for (const option of [...select.options].slice(1)) option.remove();
  for (const [elementId, name] of Object.entries(names)) {
    const option = document.createElement('option');
    option.value = elementId;
    option.textContent = name !== elementId ? `${name} (${elementId})` : elementId;
    select.append(option);
  }
  select.value = chosen;
}

function pick(elementId) {
  const select = document.getElementById('comment-element');
  if (select && names[elementId]) select.value = elementId;
  if (!right) return;
  const canvas = right.get('canvas');
  document.querySelectorAll('#review-right .djs-element.picked')
    .forEach((e) => canvas.removeMarker(e.dataset.elementId, 'picked'));
  if (right.get('elementRegistry').get(elementId)) canvas.addMarker(elementId, 'picked');
}

async function showDiagrams(detail) {
  if (kind !== 'BPMN') return;
  const newXml = await getText(`${api}/content`);
  const leftBox = document.getElementById('review-left');
  const rightBox = document.getElementById('review-right');
  if (detail.request.baseVersion > 0) {
    const oldXml = await getText(`/api/models/${encodeURIComponent(key)}/content?version=${detail.request.baseVersion}`);
    right = (await window.ModelDiff.compare(leftBox, rightBox, oldXml, newXml)).right;
  } else {
    leftBox.remove();
    document.getElementById('review-diff').classList.add('single');
    right = window.ModelEditor.createViewer(rightBox);
    await right.importXML(newXml);
    right.get('canvas').zoom('fit-viewport');
  }
  right.get('eventBus').on('element.click', (event) => {
    if (event.element?.id && event.element.type !== 'bpmn:Process') pick(event.element.id);
  });
}

async function load() {
  const result = await request('GET', api);
  if (!result.ok) throw new Error(failed(result));
  const detail = result.json;
  names = detail.elementNames ?? {};
  showRequest(detail.request);
  showDiff(detail.diff, detail.request.baseVersion);
  showCheck(detail);
  fillElements();
  return detail;
}

// ---- actions -------------------------------------------------------------------------------
async function act(path, done, after) {
  const result = await request('POST', `${api}/${path}`, {});
  if (!result.ok) return say(message, failed(result), 'error');
  const detail = await load();
  showComments(detail.comments);
  say(message, typeof done === 'function' ? done(result.json) : done, 'info');
  after?.(result.json);
}

document.getElementById('approve').addEventListener('click', () => act('approval', page.dataset.msgApproved));
document.getElementById('deploy-approved').addEventListener('click', () =>
  act('deployment', (json) => fill(page.dataset.msgDeployed, json.version)));
document.getElementById('update-request').addEventListener('click', () => act('update', page.dataset.msgUpdated));
document.getElementById('withdraw-request').addEventListener('click', () => act('withdrawal', page.dataset.msgWithdrawn));

document.getElementById('comment')?.addEventListener('click', async () => {
  const box = document.getElementById('comment-message');
  const result = await request('POST', `${api}/comments`, {
    elementId: document.getElementById('comment-element').value || null,
    text: document.getElementById('comment-text').value,
  });
  if (!result.ok) return say(box, failed(result), 'error');
  document.getElementById('comment-text').value = '';
  say(box, page.dataset.msgCommentSent, 'info');
  const again = await request('GET', api);
  if (again.ok) showComments(again.json.comments);
});

// the replay of finished cases on the draft under review: which cases would part from the path
// they took, and where (POST /api/models/change-requests/{id}/replay)
document.getElementById('replay')?.addEventListener('click', async () => {
  const summary = document.getElementById('replay-summary');
  const table = document.getElementById('replay-cases');
  table.replaceChildren();
  const result = await request('POST', `${api}/replay`);
  if (!result.ok) return say(summary, failed(result), 'error');
  const replay = result.json;
  say(summary, fill(page.dataset.msgReplayResult, formatNumber(replay.replayed), formatNumber(replay.parted),
    formatNumber(replay.tookMs)), 'info');
  for (const c of replay.cases ?? []) {
    const row = table.insertRow();
    row.dataset.processInstanceId = c.processInstanceId;
    row.insertCell().textContent = c.label ?? c.businessKey ?? c.processInstanceId;
    row.insertCell().textContent = `${page.dataset.msgPartsAt} ${c.partsAt?.name ?? c.partsAt?.id ?? ''}`;
    row.insertCell().textContent = `${page.dataset.msgTook}: ${(c.took ?? []).map((s) => s.name ?? s.id ?? s).join(' → ')}`;
    row.insertCell().textContent = `${page.dataset.msgWouldTake}: ${(c.wouldTake ?? []).map((s) => s.name ?? s.id ?? s).join(' → ')}`;
  }
});

// ---- start ---------------------------------------------------------------------------------
(async () => {
  try {
    const detail = await load();
    try {
      await showDiagrams(detail);
    } catch (error) {
      say(message, `${page.dataset.msgFailed} ${error.message ?? error}`, 'error');
    }
    showComments(detail.comments);
    page.dataset.ready = 'true';
  } catch (error) {
    say(message, error.message ?? String(error), 'error');
    page.dataset.ready = 'error';
  }
})();
