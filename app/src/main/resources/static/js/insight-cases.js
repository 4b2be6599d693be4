// The drill-down: the cases behind one figure (/insight/cases?kpi=..&from=..&to=..&slice=..).
import { t, getJson, table, fmtDateTime, showError, el } from './insight-common.js';

const params = new URLSearchParams(location.search);

async function load() {
  const cases = await getJson(`/api/insight/cases?${params.toString()}`);
  document.getElementById('case-count').textContent = t('cases.count', cases.length);
  document.getElementById('case-window').textContent = [params.get('from'), params.get('to'), params.get('slice')]
    .filter(Boolean).join(' · ');
  table(document.getElementById('table-cases'), [
    { label: t('cases.kind'), value: (c) => c.kind },
    { label: t('cases.id'), value: (c) => (c.link ? el('a', { href: c.link }, c.id) : c.id), csv: (c) => c.id },
    { label: t('cases.what'), value: (c) => c.title },
    { label: t('cases.who'), value: (c) => c.who ?? '' },
    { label: t('cases.at'), value: (c) => fmtDateTime(c.at), csv: (c) => c.at ?? '' },
    { label: t('cases.result'), value: (c) => c.value ?? '' },
  ], cases, `cases-${params.get('kpi')}`);
}

load().catch(showError);
