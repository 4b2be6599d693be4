// Shared by the cockpit and its drill-down: texts, tables with CSV export, dates and numbers as the
// insight pages show them (through lodestar.js).
import { formatDate, formatDateTime, formatNumber } from './lodestar.js';

// fetching, the CSRF header and the reader's language come from lodestar.js, the one client library
export { lang, getJson, sendJson } from './lodestar.js';

export const T = JSON.parse(document.getElementById('insight-texts').textContent || '{}');

export function t(key, ...args) {
  let text = T[key] ?? key;
  args.forEach((a, i) => { text = text.split(`{${i}}`).join(a); });
  return text;
}

// dense tables and chart axes: the browser's plain numeric form of the reader's language
export function fmtDate(value) {
  return formatDate(value, 'numericDate');
}

export function fmtDateTime(value) {
  return formatDateTime(value, 'numericDateTime');
}

export function fmtNumber(value, digits = 1) {
  if (value === null || value === undefined) return '–';
  return formatNumber(value, { maximumFractionDigits: digits });
}

/** Text made safe to put into HTML (ECharts renders a tooltip formatter's string as HTML). */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/**
 * A template tag for HTML built from strings: the literal parts are markup (`<br>`), every
 * interpolated value is text and is escaped — html`${name}<br>${value}`.
 */
export function html(strings, ...values) {
  return strings.reduce((out, part, i) => out + escapeHtml(values[i - 1]) + part);
}

/**
 * One CSV cell as text a spreadsheet will not run: a cell starting with =, +, -, @, a tab or a
 * carriage return is a formula to Excel, LibreOffice and Sheets, so it gets a leading ' (OWASP's
 * advice). Numbers the page formatted itself (a JavaScript number, e.g. -3.5) stay numbers; a
 * string that merely looks like one ("-3.5" typed as a name) is prefixed like any other text.
 * Then quoted where the CSV syntax needs it.
 */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (v === undefined || v === null) return;
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  });
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c ?? ''))));
  return node;
}

/**
 * Fills a table: columns [{label, title?, value: row => text|Node, csv?: row => text}], and puts an
 * "Export CSV" button before it that downloads exactly the rows shown.
 */
export function table(tableEl, columns, rows, fileName) {
  tableEl.replaceChildren();
  tableEl.append(el('thead', {}, el('tr', {}, columns.map((c) => el('th', { title: c.title }, c.label)))));
  tableEl.append(el('tbody', {}, rows.map((r) => el('tr', {}, columns.map((c) => el('td', {}, c.value(r) ?? ''))))));
  // an empty table says so, not a bare header
  if (!rows.length) tableEl.tBodies[0].append(el('tr', { class: 'empty' }, el('td', { colspan: columns.length, class: 'muted' }, t('table.empty'))));
  let button = tableEl.previousElementSibling;
  if (!button || !button.classList.contains('export-csv')) {
    button = el('button', { type: 'button', class: 'export-csv', id: `export-${tableEl.id}` }, t('export'));
    tableEl.before(button);
  }
  button.onclick = () => downloadCsv(fileName || tableEl.id, columns, rows);
}

/** The CSV text of these rows: every cell through csvCell. */
export function csvText(columns, rows) {
  const text = (c, r) => {
    if (c.csv) return c.csv(r);
    const v = c.value(r);
    return v instanceof Node ? v.textContent : v;
  };
  const lines = [columns.map((c) => csvCell(c.label)).join(',')]
    .concat(rows.map((r) => columns.map((c) => csvCell(text(c, r))).join(',')));
  return lines.join('\r\n') + '\r\n';
}

export function downloadCsv(name, columns, rows) {
  const blob = new Blob(['\ufeff' + csvText(columns, rows)], { type: 'text/csv;charset=utf-8' });
  const link = el('a', { href: URL.createObjectURL(blob), download: `${name}.csv` });
  document.body.append(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}

export function showError(error) {
  const box = document.getElementById('insight-error');
  box.textContent = t('error', error.message ?? error);
  box.hidden = false;
}
