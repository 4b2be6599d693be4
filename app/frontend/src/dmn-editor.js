// The decision table editor as one browser script (window.DmnEditor): dmn-js Modeler for
// process owners, dmn-js Viewer for those who only read.
import DmnModeler from 'dmn-js/lib/Modeler';
import DmnViewer from 'dmn-js/lib/Viewer';

export function createModeler(container) {
  return new DmnModeler({ container, common: { keyboard: { bindTo: window } } });
}

export function createViewer(container) {
  return new DmnViewer({ container });
}
