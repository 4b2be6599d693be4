// The drill-down: the cases behind one figure (/insight/cases?kpi=..&from=..&to=..&slice=..).
import { t, getJson, table, fmtDateTime, showError, el } from './insight-common.js';

const params = new URLSearchParams(location.search);

async function load() {
  const result = await getJson(`/api/insight/cases?${params.toString()}`);
  const { cases } = result;
  document.getElementById('case-count').textContent = t('cases.count', result.total);
  // beyond the limit the list (and its export) holds the first cases only, and says so
  const truncated = document.getElementById('case-truncated');
  truncated.hidden = !result.truncated;
  truncated.textContent = result.truncated ? t('cases.truncated', cases.length, result.total) : '';
  document.getElementById('case-window').textContent = [params.get('from'), params.get('to'), params.get('slice')]
    .filter(Boolean).join(' · ');
  table(document.getElementById('table-cases'), [
    { label: t('cases.kind'), value: (c) => c.kind },
    { label: t('cases.id'), value: (c) => (c.link ? el('a', { href: c.link }, c.id) : c.id), csv: (c) => c.id },
    { label: t('cases.what'), value: (c) => c.title },
    { label: t('cases.who'), value: (c) => c.who ?? '' },
    { label: t('cases.at'), value: (c) => fmtDateTime(c.at), csv: (c) => c.at ?? '' },
    { label: t('cases.result'), value: (c) => c.value ?? '' },
  ], cases, `cases-${params.get('kpi')}${result.truncated ? `-${t('cases.truncatedFile', cases.length, result.total)}` : ''}`);
}

load().catch(showError);
