// Dates and times in the user's language and time zone: the server writes each instant as
// <time datetime="2026-11-29T08:30:00Z" data-style="datetime|date">; this rewrites its text
// with the browser's time zone and the page's language (<html lang>).
const lang = document.documentElement.lang || navigator.language;
const styles = {
  date: { dateStyle: 'medium' },
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
};

export function formatInstant(iso, style = 'datetime') {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(lang, styles[style] ?? styles.datetime).format(date);
  } catch {
    return date.toLocaleString();
  }
}

export function localizeTimes(root = document) {
  for (const element of root.querySelectorAll('time[datetime]')) {
    if (element.dataset.localized) continue;
    element.title = element.getAttribute('datetime');
    element.textContent = formatInstant(element.getAttribute('datetime'), element.dataset.style);
    element.dataset.localized = 'true';
  }
}

localizeTimes();
