// The decision table editor as one browser script (window.DmnEditor): dmn-js Modeler for
// process owners, dmn-js Viewer for those who only read.
import DmnModeler from 'dmn-js/lib/Modeler';
import DmnViewer from 'dmn-js/lib/Viewer';
import { dmnEntries, isChinese, translateModule } from './lib/translate.js';

// lang: the page's language (<html lang>); a Chinese page gets the editor's texts in Chinese.
// dmn-js hands each view its own additionalModules (the common ones are overwritten), so every
// view is given the translation.
function views(lang) {
  const additionalModules = isChinese(lang) ? [translateModule(dmnEntries)] : [];
  return { drd: { additionalModules }, decisionTable: { additionalModules },
    literalExpression: { additionalModules }, boxedExpression: { additionalModules } };
}

export function createModeler(container, lang) {
  // (keyboard binding is implicit in dmn-js 17: an explicit bindTo only logs an error)
  return new DmnModeler({ container, ...views(lang) });
}

export function createViewer(container, lang) {
  return new DmnViewer({ container, ...views(lang) });
}
