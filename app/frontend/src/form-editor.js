// The form editor as one browser script (window.FormEditor): form-js editor for process
// owners, the form-js viewer (read only) for those who only read. Camunda 7.24 renders forms
// up to schemaVersion 16, so saved forms are pinned to it.
import { FormEditor } from '@bpmn-io/form-js-editor';
import { Form } from '@bpmn-io/form-js-viewer';

export const SCHEMA_VERSION = 16;

export function createEditor(container) {
  return new FormEditor({ container });
}

export function createViewer(container) {
  return new Form({ container, properties: { readOnly: true } });
}

export function saveSchema(editor) {
  const schema = editor.saveSchema();
  schema.schemaVersion = SCHEMA_VERSION;
  return schema;
}
