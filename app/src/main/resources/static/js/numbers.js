// Numbers as people write them: the rule of dev.lodestar.system.WrittenNumbers, in the browser,
// so that a form shows what a typed number is understood as before it is saved. Digits with an
// optional decimal point; full-width digits, comma and point count as ASCII; a comma groups
// three digits (50,000) or four (5,0000), the same size throughout; spaces are ignored;
// anything else (50,00, 1.234,5) is not understood and the server refuses it.

const PLAIN = /^-?\d+(\.\d+)?$/;
const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const TEN_THOUSANDS = /^-?\d{1,4}(,\d{4})+(\.\d+)?$/;

export function normalise(written) {
  let text = '';
  for (const c of String(written)) {
    const code = c.codePointAt(0);
    if (code >= 0xff10 && code <= 0xff19) text += String.fromCharCode(48 + code - 0xff10);
    else if (c === '，') text += ',';
    else if (c === '．') text += '.';
    else if (c === '－' || c === '−') text += '-';
    else if (!/\s/u.test(c) && c !== '\u00a0' && c !== '\u202f' && c !== '\u2009') text += c;
  }
  return text;
}

/** The number as a plain decimal string ("50000.5"), or null when the text is not understood. */
export function parseWritten(written) {
  if (written === null || written === undefined) return null;
  const text = normalise(written);
  if (text.length === 0 || text.length > 40) return null;
  if (PLAIN.test(text)) return text;
  if (THOUSANDS.test(text) || TEN_THOUSANDS.test(text)) return text.replaceAll(',', '');
  return null;
}

/** A plain decimal string for reading: grouped by thousands, as many decimals as it has. */
export function formatPlain(plain, locale) {
  const [whole, fraction] = plain.replace(/^-/, '').split('.');
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (plain.startsWith('-') ? '-' : '') + grouped + (fraction ? '.' + fraction : '');
}
