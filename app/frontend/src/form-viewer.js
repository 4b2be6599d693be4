// The form-js viewer as one browser script: window.FormViewer.Form renders a Camunda Form.
export { Form } from '@bpmn-io/form-js-viewer';
