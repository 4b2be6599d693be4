// Lodestar's one client library, included once by the page layout (templates/fragments/shell.html)
// and imported by every page script that needs it ('./lodestar.js': the same module, run once):
// - the JSON API: request / getJson / sendJson / getText, with the CSRF header and the RFC 9457
//   problem details of a refusal surfaced (problemText, HttpError);
// - dates and numbers in the reader's language (<html lang>) and the browser's time zone:
//   formatDate, formatDateTime, formatNumber, and localizeTimes for every <time datetime>;
// - colour: a colour of the palette in lodestar.css's :root, for the charts.
// FrontEndRulesTest keeps fetch(, Intl. and toLocale… out of every other script.

/** The page's language (<html lang>, set from the user's choice), else the browser's. */
export const lang = document.documentElement.lang || navigator.language;

// ---- the JSON API ----------------------------------------------------------------------------

/** The CSRF header Spring Security expects on a changing request (from the layout's meta tags). */
export function csrfHeaders() {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  return header && token ? { [header.content]: token.content } : {};
}

/**
 * One request to the app: JSON in (body, when given), JSON out. Never throws for an HTTP status:
 * answers { ok, status, json, problem, response }, where json is the parsed JSON body (null when
 * there is none or it is not JSON) and problem, on a refusal, the problem details (RFC 9457) or
 * at least { status, detail: statusText }.
 */
export async function request(method, url, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && method !== 'HEAD') Object.assign(headers, { 'Content-Type': 'application/json' }, csrfHeaders());
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let json = null;
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try { json = await response.json(); } catch { json = null; }
  }
  const problem = response.ok ? null : (json ?? { status: response.status, detail: response.statusText });
  return { ok: response.ok, status: response.status, json, problem, response };
}

/** The words of a refusal: the fields' messages ("field: message; …"), else its detail or title. */
export function problemText(problem, status) {
  const fields = (problem?.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
  return fields || problem?.detail || problem?.title || String(status ?? problem?.status ?? '');
}

/** A refused request: message is problemText, status and problem (the problem details) ride along. */
export class HttpError extends Error {
  constructor(status, problem) {
    super(problemText(problem, status));
    this.name = 'HttpError';
    this.status = status;
    this.problem = problem;
  }
}

/** GET JSON: the body, null for 204 No Content; a refusal throws HttpError. */
export async function getJson(url) {
  const result = await request('GET', url);
  if (!result.ok) throw new HttpError(result.status, result.problem);
  return result.json;
}

/** POST/PUT/DELETE JSON: the answer's JSON body (or {} when it has none); a refusal throws HttpError. */
export async function sendJson(method, url, body) {
  const result = await request(method, url, body);
  if (!result.ok) throw new HttpError(result.status, result.problem);
  return result.json ?? {};
}

/** GET text (a model's XML, a diagram): the text; a refusal throws HttpError. */
export async function getText(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  const body = await response.text();
  if (!response.ok) {
    // the server's reason when it gave one (problem details), else the status line
    let problem = null;
    try { problem = JSON.parse(body); } catch { problem = null; }
    throw new HttpError(response.status, problem ?? { status: response.status, detail: response.statusText });
  }
  return body;
}

/**
 * Sends a body as it is (a file, a zip) with its content type and the CSRF header; answers like
 * {@link request}: { ok, status, json, problem }, and a network failure as { ok: false, status: its message }.
 */
export async function sendRaw(method, url, body, contentType) {
  let response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', 'Content-Type': contentType, ...csrfHeaders() },
      body,
    });
  } catch (error) {
    return { ok: false, status: error.message, json: null, problem: null };
  }
  let json = null;
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try { json = await response.json(); } catch { json = null; }
  }
  return { ok: response.ok, status: response.status, json, problem: response.ok ? null : json };
}

// ---- colours ---------------------------------------------------------------------------------

/** A colour of the app's palette (a custom property in lodestar.css's :root), for what CSS cannot colour: charts. */
export function colour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

// ---- dates and numbers -----------------------------------------------------------------------

/** Named styles; an Intl.DateTimeFormat options object may be passed instead. */
const STYLES = {
  date: { dateStyle: 'medium' },
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  // the browser's plain default forms (12/7/2026 and 12/7/2026, 9:30:00 AM), for dense tables and axes
  numericDate: { year: 'numeric', month: 'numeric', day: 'numeric' },
  numericDateTime: { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' },
};
const formats = new Map();

function formatter(style) {
  const options = typeof style === 'string' ? (STYLES[style] ?? STYLES.datetime) : style;
  const key = JSON.stringify(options);
  if (!formats.has(key)) {
    try {
      formats.set(key, new Intl.DateTimeFormat(lang, options));
    } catch {
      formats.set(key, new Intl.DateTimeFormat(undefined, options)); // a language tag the browser does not know
    }
  }
  return formats.get(key);
}

// a calendar day (2026-11-29) is that day everywhere: read and shown in UTC, never a day early
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An instant or a day (ISO text, epoch millis or a Date) as the reader's words; '' for none, the text itself when it is no date. */
function format(value, style, dayStyle) {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  if (typeof value === 'string' && DAY.test(value)) {
    const options = typeof dayStyle === 'string' ? (STYLES[dayStyle] ?? STYLES.date) : dayStyle;
    return formatter({ ...options, timeZone: 'UTC' }).format(date);
  }
  return formatter(style).format(date);
}

/** A day: 'date' (Nov 29, 2026), 'numericDate', or Intl options. */
export function formatDate(value, style = 'date') {
  return format(value, style, style);
}

/** An instant in the reader's time zone: 'datetime' (Nov 29, 2026, 9:30 AM), 'numericDateTime', or Intl options. */
export function formatDateTime(value, style = 'datetime') {
  return format(value, style, style === 'numericDateTime' ? 'numericDate' : 'date');
}

/** A number in the reader's language; options as Intl.NumberFormat's; '' for none. */
export function formatNumber(value, options = {}) {
  if (value === null || value === undefined || value === '') return '';
  return new Intl.NumberFormat(lang, options).format(Number(value));
}

/**
 * Every <time datetime="…"> under root shown in the reader's language and time zone: the server
 * writes the instant (data-style="date" for the day alone, else date and time); its own text
 * stays as the tooltip. Runs on every page (the layout includes this file); call it again for
 * times added later.
 */
export function localizeTimes(root = document) {
  for (const time of root.querySelectorAll('time[datetime]')) {
    if (time.dataset.localized) continue;
    const value = time.getAttribute('datetime');
    const shown = time.dataset.style === 'date' ? formatDate(value) : formatDateTime(value);
    if (shown === value) continue; // not a date: left as the server wrote it
    time.title = time.textContent.trim() || value;
    time.textContent = shown;
    time.dataset.localized = 'true';
  }
}

localizeTimes();

/**
 * A form that sends a wall-clock time (input type="datetime-local") says in which time zone it was
 * meant: every <input data-time-zone> carries the reader's, so that the server reads "10:00" as she does.
 */
export function fillTimeZones(root = document) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const input of root.querySelectorAll('input[data-time-zone]')) input.value = zone ?? '';
}

fillTimeZones();
