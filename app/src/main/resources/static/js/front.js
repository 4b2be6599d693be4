// Shared by the front-office pages (customers, intake, complaints, knowledge): every
// <time datetime="..."> is shown in the reader's language and time zone, and forms whose
// button says data-busy are not sent twice.
const lang = document.documentElement.lang || navigator.language;
const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
for (const time of document.querySelectorAll('time[datetime]')) {
  const at = new Date(time.getAttribute('datetime'));
  if (!Number.isNaN(at.getTime())) {
    time.title = time.textContent;
    time.textContent = (time.dataset.style === 'date' ? dateOnly : dateTime).format(at);
  }
}
for (const form of document.querySelectorAll('form')) {
  form.addEventListener('submit', () => {
    for (const button of form.querySelectorAll('button[type=submit]')) {
      setTimeout(() => { button.disabled = true; }, 0);
    }
  });
}
