// Diagram labels in the reader's language, for the diagrams that are only read (task page,
// model page for those who do not edit, heatmap, comparison). After a bpmn-js viewer imported a
// model, the names of its steps are fetched from the process texts (/api/process-texts/{key},
// i18n/processes*.properties) and drawn instead of the model's English names. The model itself
// is never changed or saved from here; a step without a translation, or one a process owner
// renamed since it was translated, keeps the name the model gives it.
import { getJson, lang } from './lodestar.js';

const same = (a, b) => (a ?? '').replace(/\s+/g, ' ').trim() === (b ?? '').replace(/\s+/g, ' ').trim();

/** The process keys of a diagram: its processes, also those behind a collaboration's pools. */
function processKeys(viewer) {
  return (viewer.getDefinitions()?.rootElements ?? [])
    .filter((element) => element.$type === 'bpmn:Process' && element.id)
    .map((element) => element.id);
}

/**
 * Draws the steps of an imported diagram with their names in the page's language; answers how
 * many were relabelled (0 in English). A failed look-up leaves the model's names.
 */
export async function showLabels(viewer) {
  if (!viewer || /^en\b/i.test(lang)) return 0;
  const found = await Promise.all(processKeys(viewer).map((key) =>
    getJson(`/api/process-texts/${encodeURIComponent(key)}`).catch(() => ({}))));
  const labels = Object.assign({}, ...found);
  const registry = viewer.get('elementRegistry');
  const graphics = viewer.get('graphicsFactory');
  let relabelled = 0;
  registry.forEach((element) => {
    const semantic = element.businessObject;
    const label = semantic && !element.labelTarget ? labels[semantic.id] : null;
    if (!label || !same(semantic.name, label.name)) return;
    semantic.name = label.text;
    // the element and its external label (events, gateways, flows) are drawn anew
    for (const shape of [element, ...(element.labels ?? [])]) {
      const gfx = registry.getGraphics(shape);
      if (gfx) graphics.update(shape.waypoints ? 'connection' : 'shape', shape, gfx);
    }
    relabelled += 1;
  });
  return relabelled;
}
