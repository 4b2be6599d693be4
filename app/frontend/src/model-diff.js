// Two versions of a BPMN side by side (window.ModelDiff): bpmn-js-differ compares them,
// removed elements are marked on the left, added on the right, changed on both.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { diff } from 'bpmn-js-differ';

async function definitions(xml) {
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
  return rootElement;
}

function mark(viewer, ids, marker) {
  const registry = viewer.get('elementRegistry');
  const canvas = viewer.get('canvas');
  for (const id of ids) {
    if (registry.get(id)) canvas.addMarker(id, marker);
  }
}

export async function compare(leftContainer, rightContainer, oldXml, newXml) {
  const left = new NavigatedViewer({ container: leftContainer, moddleExtensions: { camunda: camundaModdle } });
  const right = new NavigatedViewer({ container: rightContainer, moddleExtensions: { camunda: camundaModdle } });
  await left.importXML(oldXml);
  await right.importXML(newXml);
  left.get('canvas').zoom('fit-viewport');
  right.get('canvas').zoom('fit-viewport');
  const result = diff(await definitions(oldXml), await definitions(newXml));
  const removed = Object.keys(result._removed);
  const added = Object.keys(result._added);
  const changed = Object.keys(result._changed);
  const moved = Object.keys(result._layoutChanged);
  mark(left, removed, 'diff-removed');
  mark(right, added, 'diff-added');
  mark(left, changed, 'diff-changed');
  mark(right, changed, 'diff-changed');
  mark(left, moved, 'diff-moved');
  mark(right, moved, 'diff-moved');
  return { left, right, removed, added, changed, moved };
}
