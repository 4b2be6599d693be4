// The decision table editor as one browser script (window.DmnEditor): dmn-js Modeler.
import DmnModeler from 'dmn-js/lib/Modeler';

export function createModeler(container) {
  return new DmnModeler({ container, common: { keyboard: { bindTo: window } } });
}
