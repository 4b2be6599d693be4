// The model page (/models/{key}): the BPMN modeler (process owners) or viewer (everyone else
// who may see the model), the DMN and form editors, check / draft / deploy, compare two
// versions, change impact and briefing, suggestions and migration. Every action goes to the
// JSON API under /api/models, which checks everything again on the server.
import { request, getText, lang } from './lodestar.js';
import { showLabels } from './diagram-labels.js';
const page = document.getElementById('model-page');
const key = page.dataset.key;
const kind = page.dataset.kind;
const owner = page.dataset.owner === 'true';
const workspace = page.dataset.workspace === 'true';
const base = `/api/models/${encodeURIComponent(key)}`;
const state = { modeler: null, viewer: null, dmn: null, form: null, dangling: new Set() };
window.modelPage = state;

function fill(message, ...args) {
  return args.reduce((text, arg, i) => text.replace(`{${i}}`, arg), message);
}

function say(element, message, kind) {
  element.textContent = message;
  element.className = kind;
  // a failure below the fold would be a silent one
  if (kind === 'error') element.scrollIntoView?.({ block: 'nearest' });
}

// the server's reason: each refused field with its message, else the problem's detail
function problemText(result) {
  const errors = result.json?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
  return `${page.dataset.msgFailed} ${errors || result.json?.detail || result.status}`;
}

// an action that fails in the browser (an editor that throws, a network that breaks) says so
function guarded(action) {
  return async (...args) => {
    try {
      await action(...args);
    } catch (error) {
      say(message, `${page.dataset.msgFailed} ${error.message ?? error}`, 'error');
    }
  };
}

// the editor's import warnings, each with the element it concerns, listed under the editor
function showImportWarnings(warnings) {
  const list = document.getElementById('import-warnings');
  if (!list || !warnings?.length) return;
  list.replaceChildren();
  for (const warning of warnings) {
    const item = document.createElement('li');
    const element = warning.element?.id ?? warning.context?.element?.id ?? warning.property ?? '';
    item.dataset.elementId = element;
    item.textContent = element ? `${element}: ${warning.message}` : warning.message;
    list.append(item);
  }
  document.getElementById('import-warnings-box').classList.remove('hidden');
  page.dataset.importWarnings = String(warnings.length);
}

// ---- the model ---------------------------------------------------------------------------------
function diagram() {
  return state.modeler ?? state.viewer;
}

function pick(elementId) {
  const input = document.getElementById('suggest-element');
  if (input) input.value = elementId;
  const canvas = diagram()?.get('canvas');
  if (!canvas) return;
  document.querySelectorAll('.djs-element.picked').forEach((e) => canvas.removeMarker(e.dataset.elementId, 'picked'));
  if (diagram().get('elementRegistry').get(elementId)) canvas.addMarker(elementId, 'picked');
}

function markSuggestions() {
  const registry = diagram()?.get('elementRegistry');
  document.querySelectorAll('#suggestions tr.suggestion').forEach((row) => {
    if (registry?.get(row.dataset.elementId)) diagram().get('canvas').addMarker(row.dataset.elementId, 'suggested');
  });
}

// The opening view: the whole diagram, clear of the controls at the canvas's top left (the
// modeler's or the token simulation's palette on the left, the simulation's switch above it),
// with room for the play buttons token simulation draws left of the start events. Token
// simulation hides those buttons below half size: switched on, a smaller view grows to that
// size, still from the diagram's left edge where the start events are.
const SIMULATION_MIN_ZOOM = 0.5;
const MARGIN = 24;

// How far the diagram must stay from the canvas's left and top edges (px), measured once at
// the opening: the modeler's palette is wider than the simulation's, the switch sits above both.
function controlsInset(canvas) {
  const container = canvas.getContainer();
  const box = container.getBoundingClientRect();
  const visible = (selector) => [...container.querySelectorAll(selector)]
    .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
  const palettes = visible('.djs-palette, .bts-palette');
  const toggles = visible('.bts-toggle-mode');
  return {
    left: palettes.length ? Math.max(...palettes.map((r) => r.right)) - box.left + MARGIN : MARGIN,
    top: toggles.length ? Math.max(...toggles.map((r) => r.bottom)) - box.top + MARGIN / 2 : MARGIN,
  };
}

function clearOfControls(canvas, inset, minScale) {
  const box = canvas.getContainer().getBoundingClientRect();
  const { inner } = canvas.viewbox();
  if (!box.width || !inner.width || !inner.height) return;
  const fit = Math.min(1, (box.width - inset.left - MARGIN) / inner.width,
    (box.height - inset.top - MARGIN) / inner.height);
  const scale = Math.max(fit, minScale);
  const top = Math.max(inset.top, (box.height - inner.height * scale) / 2);
  canvas.viewbox({
    x: inner.x - inset.left / scale,
    y: inner.y - top / scale,
    width: box.width / scale,
    height: box.height / scale,
  });
}

function openingView(modeler) {
  const canvas = modeler.get('canvas');
  canvas.zoom('fit-viewport');
  const inset = controlsInset(canvas);
  clearOfControls(canvas, inset, 0);
  modeler.get('eventBus').on('tokenSimulation.toggleMode', ({ active }) => {
    if (active && canvas.zoom() < SIMULATION_MIN_ZOOM) clearOfControls(canvas, inset, SIMULATION_MIN_ZOOM);
  });
}

// ---- fidelity: what the editor cannot write, and what it would lose -----------------------------

// A file may bind a prefix that the editor keeps for a namespace of its own (bpmn, dc, camunda, …)
// to another namespace (Dublin Core's dc, an Activiti file's camunda): the editor reads such a
// file but cannot write it. Such a prefix is renamed before the editor reads the file, with a
// note on the page; the file itself stays as it is until a change is saved.
function repairNamespaces(xml, moddle) {
  const own = new Map(Object.values(moddle.registry?.packageMap ?? {})
    .filter((p) => p.prefix && p.uri).map((p) => [p.prefix, p.uri]));
  const bindings = new Map();
  for (const match of xml.matchAll(/\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])(.*?)\2/g)) {
    const [, prefix, , uri] = match;
    if (!bindings.has(prefix)) bindings.set(prefix, new Set());
    bindings.get(prefix).add(uri);
  }
  const notes = [];
  let repaired = xml;
  for (const [prefix, uris] of bindings) {
    if (!own.has(prefix) || [...uris].every((uri) => uri === own.get(prefix))) continue;
    if (uris.has(own.get(prefix))) {
      // bound both ways in one file: there is no single name to give it
      notes.push({ prefix, uri: [...uris].join(', '), renamed: null });
      continue;
    }
    let renamed = `${prefix}_1`;
    for (let i = 2; bindings.has(renamed); i += 1) renamed = `${prefix}_${i}`;
    const name = prefix.replace(/[.]/g, '\\.');
    repaired = repaired
      .replace(new RegExp(`(\\sxmlns:)${name}(\\s*=)`, 'g'), `$1${renamed}$2`)
      .replace(new RegExp(`(</?)${name}:`, 'g'), `$1${renamed}:`)
      .replace(new RegExp(`(\\s)${name}:([A-Za-z_][\\w.-]*\\s*=)`, 'g'), `$1${renamed}:$2`)
      .replace(new RegExp(`(=\\s*["'])${name}:`, 'g'), `$1${renamed}:`);
    notes.push({ prefix, uri: [...uris].join(', '), renamed });
  }
  return { xml: repaired, notes };
}

function showNamespaceNotes(notes) {
  const list = document.getElementById('namespace-notes');
  if (!list || !notes.length) return;
  list.replaceChildren();
  for (const note of notes) {
    const item = document.createElement('li');
    item.dataset.prefix = note.prefix;
    item.textContent = note.renamed ? fill(page.dataset.msgNamespacesRepaired, note.prefix, note.uri, note.renamed)
      : fill(page.dataset.msgNamespacesBoundTwice, note.prefix, note.uri);
    list.append(item);
  }
  list.classList.remove('hidden');
}

// References to elements that are not in the file (a message kept in another model) are dropped
// by the editor's reader; they are put back as plain attributes, so that a save keeps them.
function keepUnresolvedReferences(warnings) {
  for (const warning of warnings ?? []) {
    const { element, property, value } = warning;
    if (!element?.$attrs || typeof property !== 'string' || typeof value !== 'string') continue;
    if (!/unresolved reference/.test(warning.message ?? '')) continue;
    const descriptor = element.$descriptor?.propertiesByName?.[property];
    if (!descriptor || descriptor.isMany || descriptor.isBody) continue;
    // a shape or edge of an element that is not in the file: kept in drafts, left out for the engine
    if (property === 'bpmndi:bpmnElement') state.dangling.add(element);
    const attribute = property.includes(':') ? property.split(':')[1] : property;
    if (element.$attrs[attribute] === undefined && element.get(property) === undefined) {
      element.$attrs[attribute] = value;
    }
  }
}

// The editor writes a diagram's shapes and edges in the order it draws them and leaves out those
// it does not draw (shapes inside an expanded call activity, an edge of no element, a shape of an
// element not in the file). Those are kept, and every shape and edge keeps its place in the file.
function keepUndrawnDiagramElements(modeler) {
  let planes = [];
  modeler.on('import.done', () => {
    const drawn = new Set(modeler.get('elementRegistry').getAll().map((e) => e.di).filter(Boolean));
    planes = modeler.get('canvas').getRootElements().map((root) => root.di)
      .filter((plane) => plane?.planeElement)
      .map((plane) => ({
        plane,
        original: [...plane.planeElement],
        undrawn: plane.planeElement.filter((di) => !drawn.has(di)),
      }));
  });
  // after the editor's own ordering (priority 2000) and before the writing
  modeler.on('saveXML.start', 1000, () => {
    for (const { plane, original, undrawn } of planes) {
      const written = plane.get('planeElement');
      const place = new Map(original.map((di, i) => [di, i]));
      let last = -1;
      let added = 0;
      const keyed = written.map((di) => {
        if (place.has(di)) {
          last = place.get(di);
          return { di, key: last };
        }
        added += 1;
        return { di, key: last + added / (written.length + 1) };
      });
      for (const di of undrawn) {
        if (!written.includes(di)) keyed.push({ di, key: place.get(di) });
      }
      keyed.sort((a, b) => a.key - b.key);
      plane.set('planeElement', keyed.map((k) => k.di).filter((di) => !(state.forEngine && state.dangling.has(di))));
    }
  });
}

// Nothing changed since the file was opened: the file is saved as it came, byte for byte. Opening
// another diagram of the file empties the undo stack, so a change is remembered, not looked up.
function unchanged() {
  return state.modeler && state.original !== undefined && !state.edited;
}

// A trial write right after opening: a model the editor cannot write says so at once
async function tryExport() {
  try {
    await state.modeler.saveXML({ format: true });
  } catch (error) {
    const box = document.getElementById('cannot-export');
    box.textContent = fill(page.dataset.msgCannotExport, error.message ?? error);
    box.classList.remove('hidden');
    page.dataset.cannotExport = 'true';
  }
}

// Several diagrams in one file (one per process, as ADONIS or Trisotech write them): each can be
// opened; the diagrams of collapsed sub-processes open from their sub-process (drill down).
function offerDiagrams(definitions) {
  const diagrams = (definitions?.diagrams ?? [])
    .filter((d) => !d.plane?.bpmnElement || !d.plane.bpmnElement.$instanceOf?.('bpmn:SubProcess'));
  const box = document.getElementById('diagram-choice-box');
  if (!box || diagrams.length < 2) return;
  const choice = document.getElementById('diagram-choice');
  for (const d of diagrams) {
    const option = document.createElement('option');
    option.value = d.id;
    option.textContent = d.name || d.plane?.bpmnElement?.name || d.id;
    choice.append(option);
  }
  box.classList.remove('hidden');
  choice.addEventListener('change', guarded(async () => {
    page.dataset.diagram = '';
    try {
      const opened = await diagram().open(choice.value);
      showImportWarnings(opened?.warnings);
      if (state.viewer) await showLabels(state.viewer).catch((e) => console.error(e));
    } catch (error) {
      return say(message, fill(page.dataset.msgDiagramOpenFailed, error.message ?? error), 'error');
    }
    diagram().get('canvas').zoom('fit-viewport');
    page.dataset.diagram = choice.value;
  }));
  page.dataset.diagram = diagrams[0].id;
}

async function loadBpmn() {
  const canvas = document.getElementById('canvas');
  let xml;
  if (owner) {
    state.modeler = window.ModelEditor.createModeler(canvas, document.getElementById('properties'), lang);
    keepUndrawnDiagramElements(state.modeler);
    xml = await getText(`${base}/editable`);
    state.original = xml;
    const repaired = repairNamespaces(xml, state.modeler.get('moddle'));
    showNamespaceNotes(repaired.notes);
    xml = repaired.xml;
  } else {
    state.viewer = window.ModelEditor.createViewer(canvas);
    const version = page.dataset.version;
    xml = await getText(workspace ? `${base}/content${version ? `?version=${version}` : ''}` : `${base}/diagram`);
  }
  const imported = await diagram().importXML(xml);
  showImportWarnings(imported?.warnings);
  // those who only read see the steps' names in their language; the modeler keeps the model's
  if (state.viewer) await showLabels(state.viewer).catch((e) => console.error(e));
  if (state.modeler) {
    keepUnresolvedReferences(imported?.warnings);
    await tryExport();
    state.modeler.on('commandStack.changed', () => {
      const stack = state.modeler.get('commandStack');
      if (stack.canUndo() || stack.canRedo()) {
        state.edited = true;
        state.dirty = true;
      }
    });
    openingView(state.modeler);
  } else {
    diagram().get('canvas').zoom('fit-viewport');
  }
  offerDiagrams(diagram().getDefinitions());
  diagram().get('eventBus').on('element.click', (event) => {
    if (event.element?.id && event.element.type !== 'bpmn:Process') pick(event.element.id);
  });
  markSuggestions();
  // from a task page's "suggest a change" link: the task's element is picked for the suggestion
  const linked = decodeURIComponent(window.location.hash.slice(1));
  if (linked && diagram().get('elementRegistry').get(linked)) pick(linked);
}

async function loadDmn() {
  const container = document.getElementById('dmn');
  state.dmn = owner ? window.DmnEditor.createModeler(container, lang) : window.DmnEditor.createViewer(container, lang);
  const xml = await getText(owner ? `${base}/editable` : `${base}/content`);
  const imported = await state.dmn.importXML(xml);
  showImportWarnings(imported?.warnings);
  if (owner) state.dmn.getActiveViewer()?.get('eventBus')?.on('commandStack.changed', () => { state.dirty = true; });
  const decision = state.dmn.getViews().find((view) => view.type === 'decisionTable');
  if (decision) await state.dmn.open(decision);
}

async function loadForm() {
  const container = document.getElementById('form-editor');
  state.form = owner ? window.FormEditor.createEditor(container, lang) : window.FormEditor.createViewer(container);
  const schema = JSON.parse(await getText(owner ? `${base}/editable` : `${base}/content`));
  const imported = await state.form.importSchema(schema);
  showImportWarnings(imported?.warnings);
  if (owner) state.form.on('changed', () => { state.dirty = true; });
}

// A draft keeps the file as it came when nothing changed. The engine refuses a shape of an
// element that is not in the model: a check or a deployment gets the model without those.
async function editorContent(purpose) {
  if (kind === 'BPMN') {
    const forEngine = purpose !== 'draft' && state.dangling.size > 0;
    if (unchanged() && !forEngine) return state.original;
    state.forEngine = forEngine;
    try {
      return (await state.modeler.saveXML({ format: true })).xml;
    } finally {
      state.forEngine = false;
    }
  }
  if (kind === 'DMN') return (await state.dmn.saveXML({ format: true })).xml;
  return JSON.stringify(window.FormEditor.saveSchema(state.form), null, 2);
}

// what the editor holds, or null when it cannot write it: then the error is shown, nothing is sent
async function content(purpose) {
  try {
    const written = await editorContent(purpose);
    if (!written) throw new Error('—');
    return written;
  } catch (error) {
    say(message, fill(page.dataset.msgExportFailed, error.message ?? error), 'error');
    return null;
  }
}

// ---- check, draft, deploy ---------------------------------------------------------------------
const message = document.getElementById('model-message');
const findingsList = document.getElementById('findings');

function showFindings(findings) {
  findingsList.replaceChildren();
  const canvas = state.modeler?.get('canvas');
  const registry = state.modeler?.get('elementRegistry');
  if (canvas) {
    registry.getAll().forEach((element) => {
      canvas.removeMarker(element, 'check-error');
      canvas.removeMarker(element, 'check-warning');
    });
  }
  for (const finding of findings) {
    const item = document.createElement('li');
    item.className = finding.severity;
    item.dataset.elementId = finding.elementId ?? '';
    item.dataset.code = finding.code;
    // the element by its name in the reader's language, its id in small print for the process owner
    if (finding.elementName) {
      const id = document.createElement('small');
      id.className = 'muted element-id';
      id.textContent = finding.elementId;
      item.append(`${finding.elementName} `, id, `: ${finding.message}`);
    } else {
      item.textContent = `${finding.elementId ?? finding.resourceName}: ${finding.message}`;
    }
    findingsList.append(item);
    if (canvas && finding.elementId && registry.get(finding.elementId)) {
      canvas.addMarker(finding.elementId, finding.severity === 'ERROR' ? 'check-error' : 'check-warning');
      item.addEventListener('click', () => state.modeler.get('selection').select(registry.get(finding.elementId)));
    }
  }
}

document.getElementById('check')?.addEventListener('click', guarded(async () => {
  const written = await content();
  if (written === null) return;
  const result = await request('POST', `${base}/check`, { content: written });
  if (!result.ok) return say(message, problemText(result), 'error');
  showFindings(result.json.findings);
  say(message, result.json.deployable ? page.dataset.msgCheckPassed : page.dataset.msgCheckFailed,
    result.json.deployable ? 'info' : 'error');
  message.dataset.deployable = result.json.deployable;
}));

document.getElementById('save-draft')?.addEventListener('click', guarded(async () => {
  const written = await content('draft');
  if (written === null) return;
  const result = await request('POST', `${base}/drafts`, {
    content: written, comment: document.getElementById('deploy-comment').value,
  });
  if (result.ok) state.dirty = false;
  // a failed save says so on the screen, with the server's reason; the changes stay
  say(message, result.ok ? page.dataset.msgDraftSaved : problemText(result), result.ok ? 'info' : 'error');
}));

// back to the deployed version: the draft is thrown away (a model never deployed is gone)
document.getElementById('discard-draft')?.addEventListener('click', guarded(async () => {
  if (!window.confirm(page.dataset.msgDiscardConfirm)) return;
  const result = await request('DELETE', `${base}/drafts`);
  if (!result.ok) return say(message, problemText(result), 'error');
  state.leaving = true;
  window.location.href = Number(page.dataset.latest) > 0 ? `${window.location.pathname}?discarded=true` : '/models';
}));

// replay on history: the last finished cases through the saved draft, and the ones that would part
function caseCell(c) {
  const cell = document.createElement('td');
  const text = c.label || c.businessKey || c.processInstanceId;
  if (c.link) {
    const link = document.createElement('a');
    link.href = c.link;
    link.textContent = text;
    cell.append(link);
  } else {
    cell.textContent = text;
  }
  return cell;
}

function textCell(text) {
  const cell = document.createElement('td');
  cell.textContent = text;
  return cell;
}

const path = (steps) => steps.map((s) => s.name).join(' → ');

document.getElementById('replay')?.addEventListener('click', guarded(async () => {
  const replayMessage = document.getElementById('replay-message');
  if (state.dirty === true) return say(replayMessage, page.dataset.msgReplayUnsaved, 'error');
  const cases = document.getElementById('replay-cases').value || '200';
  const result = await request('POST', `${base}/replay?cases=${encodeURIComponent(cases)}`);
  if (!result.ok) return say(replayMessage, problemText(result), 'error');
  const replay = result.json;
  say(replayMessage, fill(page.dataset.msgReplaySummary, replay.replayed, replay.tookMs, replay.parted,
    replay.undecided.length), 'info');
  replayMessage.dataset.parted = replay.parted;
  const parted = document.querySelector('#replay-result tbody');
  parted.replaceChildren(...replay.cases.map((c) => {
    const row = document.createElement('tr');
    row.dataset.processInstanceId = c.processInstanceId;
    row.dataset.partsAt = c.partsAt.id;
    row.append(caseCell(c), textCell(c.partsAt.name), textCell(path(c.took)), textCell(path(c.wouldTake)));
    return row;
  }));
  document.getElementById('replay-result').classList.toggle('hidden', replay.cases.length === 0);
  const undecided = document.querySelector('#replay-undecided tbody');
  undecided.replaceChildren(...replay.undecided.map((c) => {
    const row = document.createElement('tr');
    row.dataset.processInstanceId = c.processInstanceId;
    row.append(caseCell(c), textCell(c.at?.name ?? ''), textCell(c.reason));
    return row;
  }));
  document.getElementById('replay-undecided').classList.toggle('hidden', replay.undecided.length === 0);
}));

// tries a deployed process: starts its latest version as the process owner
document.getElementById('start-process')?.addEventListener('click', guarded(async () => {
  const result = await request('POST', `${base}/instances`);
  if (!result.ok) return say(message, problemText(result), 'error');
  say(message, fill(page.dataset.msgStarted, result.json.processInstanceId), 'info');
  message.dataset.processInstanceId = result.json.processInstanceId;
  if (result.json.taskId) {
    const link = document.createElement('a');
    link.id = 'started-task';
    link.href = `/tasks/${encodeURIComponent(result.json.taskId)}`;
    link.textContent = page.dataset.msgOpenTask;
    message.append(' ', link);
  }
}));
// nothing leaves unsaved (as unsaved.js does for the module pages; this page is a classic script)
window.addEventListener('beforeunload', (event) => {
  if (!owner || state.dirty !== true || state.leaving) return;
  event.preventDefault();
  event.returnValue = '';
});
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href]');
  if (!link || !owner || state.dirty !== true || link.getAttribute('href').startsWith('#') || link.target === '_blank') return;
  if (window.confirm(page.dataset.msgUnsaved || 'You have changes that are not saved. Leave this page anyway?')) {
    state.leaving = true;
  } else {
    event.preventDefault();
  }
}, true);

document.getElementById('deploy')?.addEventListener('click', guarded(async () => {
  const written = await content();
  if (written === null) return;
  const result = await request('POST', `${base}/deployments`, {
    content: written, comment: document.getElementById('deploy-comment').value,
  });
  if (result.ok) {
    showFindings(result.json.warnings ?? []);
    say(message, fill(page.dataset.msgDeployed, result.json.version), 'info');
    state.leaving = true;
    // reload, so versions, comparison and migration know the new version
    window.location.href = `${window.location.pathname}?deployed=${result.json.version}`;
  } else if (result.status === 409 && result.json?.findings) {
    showFindings(result.json.findings);
    say(message, page.dataset.msgRefused + ' ' + result.json.detail, 'error');
  } else {
    say(message, problemText(result), 'error');
  }
}));

// four eyes: the editor's content is kept as the draft, and a change request opened for it; the
// review page then shows the diff, the check, the replay and the comments
document.getElementById('request-review')?.addEventListener('click', guarded(async () => {
  const written = await content();
  if (written === null) return;
  const comment = document.getElementById('deploy-comment').value;
  const saved = await request('POST', `${base}/drafts`, { content: written, comment });
  if (!saved.ok) return say(message, problemText(saved), 'error');
  state.dirty = false;
  let opened = await request('POST', '/api/models/change-requests', { key, revision: saved.json.id, comment });
  // the author's request still open: it now carries this draft, for a new review
  if (opened.status === 409 && opened.json?.changeRequest) {
    opened = await request('POST', `/api/models/change-requests/${opened.json.changeRequest}/update`);
  }
  if (!opened.ok) return say(message, problemText(opened), 'error');
  say(message, fill(page.dataset.msgReviewOpened, opened.json.id), 'info');
  state.leaving = true;
  window.location.href = `/models/${encodeURIComponent(key)}/change-requests/${opened.json.id}`;
}));

// a conflict between a changed file and a newer version from the workspace, resolved for the file
document.getElementById('deploy-file')?.addEventListener('click', async () => {
  const result = await request('POST', `${base}/file-deployments`);
  if (result.ok) {
    window.location.href = `${window.location.pathname}?deployed=${result.json.version}`;
  } else if (result.status === 409 && result.json?.findings) {
    showFindings(result.json.findings);
    say(message, page.dataset.msgRefused + ' ' + result.json.detail, 'error');
  } else {
    say(message, problemText(result), 'error');
  }
});

// ---- suggestions ------------------------------------------------------------------------------
document.getElementById('suggest')?.addEventListener('click', async () => {
  const box = document.getElementById('suggest-message');
  const result = await request('POST', `${base}/suggestions`, {
    elementId: document.getElementById('suggest-element').value,
    text: document.getElementById('suggest-text').value,
  });
  if (result.ok) {
    document.getElementById('suggest-text').value = '';
    say(box, page.dataset.msgSuggestSent, 'info');
  } else {
    const errors = result.json?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    say(box, `${page.dataset.msgFailed} ${errors ?? result.json?.detail ?? result.status}`, 'error');
  }
});

document.querySelectorAll('.close-suggestion-button').forEach((button) => button.addEventListener('click', async () => {
  const row = button.closest('tr');
  const answer = row.querySelector('.suggestion-answer').value;
  const result = await request('POST', `/api/models/suggestions/${row.dataset.suggestionId}/close`, { answer });
  if (result.ok) window.location.reload();
  else say(message, problemText(result), 'error');
}));

// ---- compare, impact, briefing ----------------------------------------------------------------
let compared = null;
document.getElementById('compare')?.addEventListener('click', guarded(async () => {
  const from = document.getElementById('compare-from').value;
  const to = document.getElementById('compare-to').value;
  // the draft against the latest deployed version, or two versions
  const draft = to === 'draft';
  compared = draft ? null : { from: Number(from), to: Number(to) };
  const diffBox = document.getElementById('diff');
  diffBox.classList.remove('hidden');
  const left = document.getElementById('diff-left');
  const right = document.getElementById('diff-right');
  left.replaceChildren();
  right.replaceChildren();
  const [oldXml, newXml] = await Promise.all([
    getText(`${base}/content?version=${draft ? page.dataset.latest : from}`),
    getText(draft ? `${base}/draft` : `${base}/content?version=${to}`)]);
  const visual = await window.ModelDiff.compare(left, right, oldXml, newXml);
  await Promise.all([showLabels(visual.left), showLabels(visual.right)]).catch((e) => console.error(e));
  diffBox.dataset.changed = visual.changed.join(',');
  diffBox.dataset.added = visual.added.join(',');
  diffBox.dataset.removed = visual.removed.join(',');
  const result = await request('GET', draft ? `${base}/draft-diff` : `${base}/diff?from=${from}&to=${to}`);
  if (!result.ok) return say(message, problemText(result), 'error');
  const list = document.getElementById('changes');
  list.replaceChildren();
  for (const change of result.json.changes) {
    const item = document.createElement('li');
    item.dataset.elementId = change.elementId;
    item.dataset.type = change.type;
    item.textContent = change.text;
    list.append(item);
  }
  if (!result.json.changes.length) {
    const item = document.createElement('li');
    item.textContent = page.dataset.msgNoChanges;
    list.append(item);
  }
  const impact = result.json.impact;
  document.getElementById('impact').classList.remove('hidden');
  document.getElementById('impact-roles').textContent = impact.roles.join(', ') || '–';
  document.getElementById('impact-runtime-roles').textContent = impact.runtimeRoles.join(', ') || '–';
  document.getElementById('impact-forms').textContent = impact.forms.join(', ') || '–';
  document.getElementById('impact-running').textContent = impact.runningInstancesTouched;
  const brief = document.getElementById('brief');
  if (brief) brief.disabled = draft;
}));

document.getElementById('brief')?.addEventListener('click', async () => {
  const box = document.getElementById('brief-message');
  if (!compared) return;
  const result = await request('POST', `${base}/briefings`, compared);
  if (result.ok) say(box, fill(page.dataset.msgBriefing, result.json.members.length), 'info');
  else say(box, `${page.dataset.msgFailed} ${result.json?.errors?.[0]?.message ?? result.json?.detail ?? result.status}`, 'error');
});

// ---- migration --------------------------------------------------------------------------------
let planned = null;
function listInto(id, items, render, hint) {
  const list = document.getElementById(id);
  list.replaceChildren();
  for (const item of items) {
    const li = document.createElement('li');
    li.textContent = render(item);
    if (hint) li.title = hint(item);
    list.append(li);
  }
  if (!items.length) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = page.dataset.msgNone;
    list.append(li);
  }
}

document.getElementById('migration-plan')?.addEventListener('click', async () => {
  const from = document.getElementById('migrate-from').value;
  const to = document.getElementById('migrate-to').value;
  const result = await request('GET', `${base}/migrations/plan?from=${from}&to=${to}`);
  if (!result.ok) return say(message, problemText(result), 'error');
  planned = { from: Number(from), to: Number(to) };
  const plan = result.json;
  document.getElementById('plan').classList.remove('hidden');
  // steps by their names in the reader's language (the ids, for the process owner, on hover)
  listInto('plan-instructions', plan.instructions, (i) => (i.sourceName === i.targetName
    ? i.sourceName : `${i.sourceName} → ${i.targetName}`), (i) => `${i.sourceActivityId} → ${i.targetActivityId}`);
  listInto('plan-unmapped', plan.unmapped, (a) => a.name, (a) => a.id);
  listInto('plan-failures', plan.failures, (f) => f);
  const table = document.getElementById('plan-instances');
  table.replaceChildren();
  for (const instance of plan.instances) {
    const row = table.insertRow();
    row.dataset.instanceId = instance.id;
    const choice = document.createElement('input');
    choice.type = 'checkbox';
    choice.className = 'instance-choice';
    choice.value = instance.id;
    row.insertCell().append(choice);
    row.insertCell().textContent = instance.businessKey ?? '';
    const waiting = row.insertCell();
    waiting.textContent = (instance.activityNames ?? instance.activities).join(', ');
    waiting.title = instance.activities.join(', ');
    const id = document.createElement('small');
    id.className = 'muted';
    id.textContent = instance.id;
    row.insertCell().append(id);
  }
});

async function migrate(ids) {
  const box = document.getElementById('migration-result');
  const result = await request('POST', `${base}/migrations`, { ...planned, processInstanceIds: ids });
  if (!result.ok) return say(box, problemText(result), 'error');
  const outcome = result.json;
  say(box, outcome.batchId ? fill(page.dataset.msgBatch, outcome.batchId, outcome.migrated)
    : fill(page.dataset.msgMigrated, outcome.migrated), outcome.failures.length ? 'error' : 'info');
  listInto('migration-failures', outcome.failures, (f) => `${f.processInstanceId ?? ''}: ${f.failures.join('; ')}`);
  if (outcome.batchId) followBatch(outcome.batchId);
}

// a batch runs on the engine's job executor: its progress and failures are fetched until it ends
async function followBatch(batchId) {
  const box = document.getElementById('migration-result');
  box.dataset.batchId = batchId;
  const result = await request('GET', `${base}/migrations/batches/${encodeURIComponent(batchId)}`);
  if (!result.ok) return say(box, problemText(result), 'error');
  const status = result.json;
  box.dataset.finished = status.finished;
  if (status.failures.length) {
    say(box, fill(page.dataset.msgBatchFailed, status.failures.length, status.total), 'error');
    listInto('migration-failures', status.failures, (f) => f);
  } else if (status.finished) {
    say(box, fill(page.dataset.msgBatchDone, status.total), 'info');
  } else {
    say(box, fill(page.dataset.msgBatchRunning, status.remainingJobs, status.total), 'info');
  }
  if (!status.finished) setTimeout(() => followBatch(batchId), 2000);
}

document.getElementById('migrate')?.addEventListener('click', () =>
  migrate([...document.querySelectorAll('.instance-choice:checked')].map((c) => c.value)));
document.getElementById('migrate-all')?.addEventListener('click', () => migrate([]));

// ---- start ------------------------------------------------------------------------------------
(async () => {
  try {
    // a new model that was never deployed has nothing to show to those who only read
    if (!owner && Number(page.dataset.latest) === 0) {
      page.dataset.ready = 'true';
      return;
    }
    if (kind === 'BPMN') await loadBpmn();
    else if (kind === 'DMN') await loadDmn();
    else await loadForm();
    const params = new URLSearchParams(window.location.search);
    const deployed = params.get('deployed');
    if (deployed) say(message, fill(page.dataset.msgDeployed, deployed), 'info');
    if (params.get('discarded')) say(message, page.dataset.msgDiscarded, 'info');
    page.dataset.ready = 'true';
  } catch (error) {
    say(message, `${page.dataset.msgFailed} ${error.message}`, 'error');
    page.dataset.ready = 'error';
  }
})();
