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
import { isChinese, localizeDom, modelerEntries, simulationEntries, translateModule } from './lib/translate.js';

// lang: the page's language (<html lang>); on a Chinese page the palette, context pad, popup
// menu, properties panel, lint and token simulation speak Chinese (the model's names stay)
export function createModeler(container, propertiesParent, lang) {
  const chinese = isChinese(lang);
  const modeler = new Modeler({
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
      ...(chinese ? [translateModule(modelerEntries)] : []),
    ],
    moddleExtensions: { camunda: camundaModdle },
  });
  if (chinese) localizeDom(modeler.get('canvas').getContainer(), simulationEntries);
  return modeler;
}

export function createViewer(container) {
  return new NavigatedViewer({ container, moddleExtensions: { camunda: camundaModdle } });
}
