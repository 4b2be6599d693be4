// The BPMN workspace as one browser script (window.ModelEditor): bpmn-js Modeler with the
// Camunda 7 properties panel and moddle, Camunda's modeling behaviors, bpmnlint's recommended
// rules and token simulation; and a navigated viewer for those who only read.
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import LintModule from 'bpmn-js-bpmnlint';
import TokenSimulationModule from 'bpmn-js-token-simulation';
import bpmnlintConfig from './lib/bpmnlint-config.js';

export function createModeler(container, propertiesParent) {
  return new Modeler({
    container,
    propertiesPanel: { parent: propertiesParent },
    linting: { bpmnlint: bpmnlintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      LintModule,
      TokenSimulationModule,
    ],
    moddleExtensions: { camunda: camundaModdle },
  });
}

export function createViewer(container) {
  return new NavigatedViewer({ container, moddleExtensions: { camunda: camundaModdle } });
}
