// The form editor as one browser script (window.FormEditor): form-js editor for process
// owners, the form-js viewer (read only) for those who only read. Camunda 7.24 renders forms
// up to schemaVersion 16, so saved forms are pinned to it.
import { FormEditor } from '@bpmn-io/form-js-editor';
import { Form } from '@bpmn-io/form-js-viewer';
import { formEditorEntries, isChinese, localizeDom } from './lib/translate.js';

export const SCHEMA_VERSION = 16;

// lang: the page's language (<html lang>). form-js has no translation service: on a Chinese page
// its palette and properties panel are put into Chinese as they are drawn (the form's own
// labels, in the editing canvas, stay as the form says them)
export function createEditor(container, lang) {
  const editor = new FormEditor({ container });
  if (isChinese(lang)) localizeDom(container, formEditorEntries, '.fjs-form-container');
  return editor;
}

export function createViewer(container) {
  return new Form({ container, properties: { readOnly: true } });
}

export function saveSchema(editor) {
  const schema = editor.saveSchema();
  schema.schemaVersion = SCHEMA_VERSION;
  return schema;
}
