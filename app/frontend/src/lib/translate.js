// The editors in the reader's language. bpmn-js, dmn-js and the properties panel ask a
// `translate` service for every text they show: on a Chinese page it is replaced by one that
// looks the English text up in bpmn-js-i18n's Chinese file and in Lodestar's own entries
// (zh-cn.js). Token simulation and the form editor write their texts straight into the page;
// localizeDom puts the same entries there, and keeps doing so as they redraw.
import bpmnJsChinese from 'bpmn-js-i18n/translations/zn.js';
import * as zh from './zh-cn.js';

/** Whether a page in this language (<html lang>, e.g. "zh-CN") gets the Chinese entries. */
export function isChinese(lang) {
  return /^zh\b/i.test(lang ?? '');
}

function fill(template, replacements) {
  return template.replace(/{([^}]+)}/g, (whole, key) => (replacements?.[key] ?? whole));
}

/** A diagram-js module whose `translate` looks texts up in these entries, else keeps them. */
export function translateModule(entries) {
  const translate = (template, replacements) => fill(entries[template] ?? template, replacements);
  return { translate: ['value', translate] };
}

/** The entries of the BPMN modeler: palette, context pad, popup menu, properties panel, lint. */
export const modelerEntries = { ...bpmnJsChinese, ...zh.modeler, ...zh.propertiesPanel, ...zh.lint };
/** The entries of the DMN editor and viewer. */
export const dmnEntries = { ...zh.dmn };
/** What token simulation writes into the modeler's canvas. */
export const simulationEntries = { ...zh.simulation };
/** What the form editor writes into its palette and properties panel. */
export const formEditorEntries = { ...zh.formEditor };

const ATTRIBUTES = ['title', 'placeholder', 'aria-label'];

function localizeNode(node, entries, skip) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  if (element instanceof SVGElement || (skip && element?.closest(skip))) return;
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node.nodeValue.trim();
    const translated = text && entries[text];
    // (a write of the same text would be observed, and written again, for ever)
    if (translated && translated !== text) node.nodeValue = node.nodeValue.replace(text, translated);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  // what people type stays theirs
  if (node.isContentEditable || node.tagName === 'TEXTAREA') return;
  for (const name of ATTRIBUTES) {
    const value = node.getAttribute(name);
    const translated = value && entries[value.trim()];
    if (translated && translated !== value) node.setAttribute(name, translated);
  }
  node.childNodes.forEach((child) => localizeNode(child, entries, skip));
}

/**
 * Puts the entries into what a library wrote under root (text that is exactly an entry's key,
 * and title / placeholder / aria-label attributes), now and whenever the library redraws.
 * Diagrams (svg), what people type and what matches skip (a selector) are left alone.
 */
export function localizeDom(root, entries, skip) {
  if (!root) return null;
  localizeNode(root, entries, skip);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData' || mutation.type === 'attributes') localizeNode(mutation.target, entries, skip);
      else mutation.addedNodes.forEach((node) => localizeNode(node, entries, skip));
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  return observer;
}
