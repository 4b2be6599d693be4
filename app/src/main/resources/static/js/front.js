// Shared by the front-office pages (customers, intake, complaints, knowledge): forms whose
// submit button was pressed are not sent twice. (Their <time> elements are shown in the reader's
// language and zone by lodestar.js, which the layout includes on every page.)
for (const form of document.querySelectorAll('form')) {
  form.addEventListener('submit', () => {
    for (const button of form.querySelectorAll('button[type=submit]')) {
      setTimeout(() => { button.disabled = true; }, 0);
    }
  });
}
