// The leadership cockpit: every section drawn from /api/insight/** with ECharts (and bpmn-js for
// the heatmap); every figure names its definition on hover and links to the cases behind it.
import { T, t, lang, getJson, sendJson, table, el, html, fmtDate, fmtDateTime, fmtNumber, showError } from './insight-common.js';
import { colour } from './lodestar.js';
import { showLabels } from './diagram-labels.js';

const page = document.getElementById('cockpit');
const mayEdit = page.dataset.mayEdit === 'true';
const locale = lang.toLowerCase().startsWith('zh') ? 'ZH' : 'EN';
const charts = [];
let windowQuery = '';
let defs = {};

// a name another bundle holds (role, phase, wave, ADKAR dimension...), the raw value where there is none
const named = (key, fallback) => T[key] ?? fallback;
const dimensionName = (d) => named(`stakeholders.dim.${String(d).toLowerCase()}`, d);

/** The legend name of one slice of a weekly series: a role, a department or a cohort in the reader's language. */
function sliceName(by, value) {
  if (by === 'role') return named(`role.${value}`, value);
  if (by === 'department') return named(`department.${value}`, value);
  if (by === 'cohort') return named(`cohort.${value}`, value);
  return value;
}

function chart(node, option) {
  const existing = window.echarts.getInstanceByDom(node);
  if (existing) existing.dispose();
  const c = window.echarts.init(node, null, { locale });
  c.setOption(Object.assign({ animation: false, textStyle: { fontSize: 11 } }, option));
  charts.push(c);
  return c;
}

// the charts' colours are the stylesheet's (lodestar.css :root), read once
const palette = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => colour(`--chart-${n}`));
const C = {
  planned: colour('--chart-planned'), actual: colour('--chart-1'), low: colour('--chart-5'), middle: colour('--chart-middle'),
  high: colour('--chart-3'), guide: colour('--chart-guide'), target: colour('--chart-5'), trained: colour('--chart-3'),
  untrained: colour('--chart-2'),
};

function verdictClass(f) {
  return f.onTarget === null ? 'none' : f.onTarget ? 'on' : 'below';
}

function valueText(f) {
  return f.value === null ? t('noData') : `${fmtNumber(f.value)} ${f.unit}`;
}

function drillLink(f, text) {
  if (!f.cases || !f.drill) return el('span', { class: 'muted' }, text ?? `n = ${f.cases}`);
  return el('a', { href: f.drill, class: 'drill', 'data-kpi': f.code, 'data-cases': f.cases }, text ?? `n = ${f.cases} ${t('cases.link')}`);
}

/** A figure's words against its target, in the target's direction: under a minimum, above a maximum. */
function verdictText(f) {
  if (f.onTarget === null) return t('verdict.noData');
  if (f.onTarget) return t(f.higherIsBetter ? 'verdict.atLeastMinimum' : 'verdict.withinMaximum');
  return t(f.higherIsBetter ? 'verdict.underMinimum' : 'verdict.aboveMaximum');
}

/** "previous period: 10.2 (+1.2)", or nothing when either period has no figure. */
function changeText(value, previous) {
  if (value === null || value === undefined || previous === null || previous === undefined) return '';
  const d = Math.round((value - previous) * 10) / 10;
  const arrow = d > 0 ? '▲' : d < 0 ? '▼' : '＝';
  return `${t('previous')}: ${fmtNumber(previous)} (${arrow} ${d > 0 ? '+' : ''}${fmtNumber(d)})`;
}

// ------------------------------------------------------------------ lights
function renderLights(answer) {
  document.getElementById('lights').replaceChildren(...answer.lights.map((l) => el('div', { class: `light ${l.colour}`, id: `light-${l.area}`, 'data-colour': l.colour },
    el('div', {}, el('span', { class: 'area' }, l.name), el('span', { class: 'colour' }, l.colourName)),
    el('div', { class: 'reason' }, el('a', { href: l.link }, l.reason)),
    el('div', { class: 'change' }, changeText(l.value, l.previous)))));
  document.getElementById('light-rule-list').replaceChildren(...answer.lights.map((l) => el('li', {}, `${l.name}: ${l.rule}`)));
}

// ------------------------------------------------------------------ figures
function renderFigures(figures, previous = []) {
  const before = Object.fromEntries(previous.map((f) => [f.code, f]));
  const box = document.getElementById('figures');
  box.replaceChildren(...figures.map((f) => el('div', { class: `figure ${verdictClass(f)}`, id: `kpi-${f.code}` },
    el('div', { class: 'name', title: f.definition }, f.name),
    el('div', { class: 'value' }, valueText(f)),
    el('div', { class: 'muted small' }, `${t('target')} ${f.higherIsBetter ? '≥' : '≤'} ${fmtNumber(f.target)} · `,
      verdictText(f)),
    el('div', { class: 'change' }, changeText(f.value, before[f.code]?.value)),
    el('div', { class: 'small' }, drillLink(f)),
    f.computedAt ? el('div', { class: 'muted small as-of', 'data-live': String(f.live) },
      t(f.live ? 'asOf.live' : 'asOf.snapshot', fmtDateTime(f.computedAt))) : '')));
  if (location.hash.startsWith('#kpi-')) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

// ------------------------------------------------------------------ rollout
function renderRollout(p) {
  document.getElementById('rollout-none').hidden = !!p;
  const phases = p?.phases ?? [];
  const ms = (v) => (v ? new Date(v).getTime() : null);
  const times = phases.flatMap((x) => [ms(x.plannedStart), ms(x.actualStart)]).filter((v) => v);
  const origin = times.length ? Math.min(...times) : Date.now();
  const span = (a, b) => (a && b ? [a - origin, b - a] : [0, 0]);
  const phaseName = (x) => named(`rollout.phase.${x.code}`, x.name);
  // a stage past its planned end (still running, or finished after it) is flagged late
  const late = (x) => x.plannedEnd && (x.actualEnd ? ms(x.actualEnd) > ms(x.plannedEnd) : (x.actualStart && Date.now() > ms(x.plannedEnd)));
  const names = phases.map((x) => (late(x) ? `${phaseName(x)} · ${t('rollout.late')}` : phaseName(x)));
  page.dataset.latePhases = phases.filter(late).map((x) => x.code).join(',');
  const planned = phases.map((x) => span(ms(x.plannedStart), ms(x.plannedEnd)));
  const actual = phases.map((x) => span(ms(x.actualStart), ms(x.actualEnd) ?? (ms(x.actualStart) ? Date.now() : null)));
  const day = 86400000;
  chart(document.getElementById('chart-phases'), {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (items) => {
      const i = items[0].dataIndex; const x = phases[i];
      // ECharts shows a formatter's string as HTML: every value goes in as text (html`` escapes it)
      return html`${phaseName(x)}<br>${t('rollout.planned')}: ${fmtDate(x.plannedStart)} – ${fmtDate(x.plannedEnd)}<br>`
        + html`${t('rollout.actual')}: ${fmtDate(x.actualStart)} – ${fmtDate(x.actualEnd)}<br>`
        + html`${t('rollout.cost')}: ${x.plannedCost ?? '–'} / ${x.actualCost ?? '–'}<br>`
        + html`${t('rollout.quality')}: ${x.qualityTarget ?? '–'} / ${x.qualityResult ?? '–'}<br>${t('rollout.status')}: ${named(`rollout.phaseStatus.${x.status}`, x.status)}`;
    } },
    legend: { top: 0, data: [t('rollout.planned'), t('rollout.actual')] },
    grid: { left: 160, right: 30, top: 30, bottom: 30 },
    xAxis: { type: 'value', axisLabel: { hideOverlap: true, formatter: (v) => fmtDate(origin + v) }, splitNumber: 6, max: (m) => m.max + day },
    // long phase names (and "late") wrap inside the margin instead of running off the left edge
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 150, overflow: 'break', lineHeight: 13 } },
    series: [
      { type: 'bar', stack: 'p', itemStyle: { color: 'transparent' }, data: planned.map((v) => v[0]), silent: true },
      { name: t('rollout.planned'), type: 'bar', stack: 'p', barGap: '10%', itemStyle: { color: C.planned }, data: planned.map((v) => v[1]) },
      { type: 'bar', stack: 'a', itemStyle: { color: 'transparent' }, data: actual.map((v) => v[0]), silent: true },
      { name: t('rollout.actual'), type: 'bar', stack: 'a', itemStyle: { color: C.actual }, data: actual.map((v) => v[1]) },
    ],
  });
  table(document.getElementById('table-gates'), [
    { label: t('rollout.evaluatedAt'), value: (g) => fmtDateTime(g.evaluatedAt), csv: (g) => g.evaluatedAt },
    { label: t('rollout.verdict'), value: (g) => el('span', { class: g.go ? 'go' : 'nogo' }, named(g.go ? 'rollout.gate.go' : 'rollout.gate.nogo', g.go ? 'go' : 'no-go')),
      csv: (g) => (g.go ? 'go' : 'no-go') },
    { label: t('rollout.inputs'), value: (g) => Object.entries(g.inputs ?? {}).map(([k, v]) => `${named(`rollout.gate.input.${k}`, k)}: ${gateValue(v, k)}`).join('; ') },
    // a go has no reason from the table: it says every criterion was met
    { label: t('rollout.reasons'), value: (g) => (g.go ? t('rollout.allMet') : g.outputs.flatMap((o) => Object.values(o)).join('; ')) },
  ], p?.gates ?? [], csvName('gate-decisions'));
  table(document.getElementById('table-barriers'), [
    { label: t('readiness.stakeholder'), value: (b) => b.stakeholder },
    { label: t('readiness.dimension'), value: (b) => dimensionName(b.dimension) },
    { label: t('readiness.score'), value: (b) => b.score },
    { label: t('rollout.status'), value: (b) => named(`barrierStatus.${b.status}`, b.status) },
    { label: t('readiness.mitigation'), value: mitigationText },
  ], p?.barriers ?? [], csvName('barrier-points'));
  table(document.getElementById('table-issues'), [
    { label: t('cases.id'), value: (i) => i.id },
    { label: t('cases.what'), value: (i) => i.title },
    { label: t('rollout.status'), value: (i) => named(`rollout.issueStatus.${i.status}`, i.status) },
    { label: t('cases.who'), value: (i) => i.reportedBy },
    { label: t('cases.at'), value: (i) => fmtDateTime(i.openedAt), csv: (i) => i.openedAt },
  ], (p?.issues ?? []).filter((i) => i.critical), csvName('critical-issues'));
}

/** A gate input's value as the reader reads it: yes/no, a percentage with one decimal, a count. */
function gateValue(v, name) {
  if (typeof v === 'boolean') return named(v ? 'rollout.yes' : 'rollout.no', String(v));
  if (typeof v === 'number' && name.endsWith('Completion')) return `${fmtNumber(v)} %`;
  return v === null || v === undefined ? '–' : String(v);
}

/** A barrier point's mitigation: what was done, else the register's open task and who holds it. */
function mitigationText(b) {
  if (b.mitigation) return b.mitigation;
  if (b.mitigationTask === null || b.mitigationTask === undefined) return t('readiness.noTask');
  return b.mitigationTask ? t('readiness.taskOpen', b.mitigationTask) : t('readiness.taskUnclaimed');
}

function renderReadiness(stakeholders) {
  const dims = ['awareness', 'desire', 'knowledge', 'ability', 'reinforcement'];
  const groups = [...new Set(stakeholders.map((s) => s.category))];
  const groupNames = groups.map((g) => named(`stakeholders.category.${g}`, g));
  const dimNames = dims.map(dimensionName);
  const data = [];
  groups.forEach((g, y) => dims.forEach((d, x) => {
    const scores = stakeholders.filter((s) => s.category === g && s[d] !== null).map((s) => s[d]);
    if (scores.length) data.push([x, y, Math.round(10 * scores.reduce((a, b) => a + b, 0) / scores.length) / 10]);
  }));
  chart(document.getElementById('chart-adkar'), {
    tooltip: { formatter: (p) => html`${groupNames[p.value[1]]} · ${dimNames[p.value[0]]}: ${p.value[2]}` },
    grid: { left: 110, right: 20, top: 10, bottom: 90 },
    // every dimension named, wrapped when narrow: none may be dropped for lack of room
    xAxis: { type: 'category', data: dimNames, axisLabel: { interval: 0, width: 70, overflow: 'break' } },
    yAxis: { type: 'category', data: groupNames },
    visualMap: { min: 1, max: 5, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: [C.low, C.middle, C.high] } },
    series: [{ type: 'heatmap', data, label: { show: true } }],
  });
  chart(document.getElementById('chart-grid'), {
    tooltip: { formatter: (p) => html`${p.data.name}: ${t('readiness.influence')} ${p.value[0]}, ${t('readiness.interest')} ${p.value[1]}` },
    grid: { left: 50, right: 130, top: 20, bottom: 40 },
    xAxis: { name: t('readiness.influence'), nameLocation: 'middle', nameGap: 25, min: 0, max: 5 },
    yAxis: { name: t('readiness.interest'), nameLocation: 'middle', nameGap: 30, min: 0, max: 5 },
    series: [{ type: 'scatter', symbolSize: 14,
      data: stakeholders.map((s) => ({ name: s.name, value: [s.influence, s.interest] })),
      label: { show: true, formatter: (p) => p.data.name, position: 'right', fontSize: 10 },
      markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: C.guide }, data: [{ xAxis: 2.5 }, { yAxis: 2.5 }] } }],
  });
}

// ------------------------------------------------------------------ training
function renderTraining(tr) {
  chart(document.getElementById('chart-waves'), {
    tooltip: { trigger: 'axis', formatter: (ps) => ps.map((p) => { const w = tr.waves[p.dataIndex];
      return `${w.name}<br>${fmtNumber(w.percent)} % · ${w.completed} ${t('training.passed')} / ${w.invited} ${t('training.audience')}`; }).join('') },
    // every wave's whole name and deadline, wrapped: two waves of one kind differ by their deadline
    grid: { left: 60, right: 20, top: 20, bottom: 90 },
    xAxis: { type: 'category', data: tr.waves.map((w) => w.name),
      axisLabel: { interval: 0, fontSize: 10, lineHeight: 12, width: Math.max(60, 480 / Math.max(1, tr.waves.length)), overflow: 'break' } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    series: [{ type: 'bar', data: tr.waves.map((w) => w.percent), itemStyle: { color: C.actual }, label: { show: true, formatter: '{c} %' } }],
  });
  document.getElementById('progress-departments').replaceChildren(...tr.departments.map((d) => {
    const bar = el('span');
    bar.style.width = `${d.percent}%`;
    return el('div', { class: 'row', title: `${d.completed} ${t('training.completed')} / ${d.invited} ${t('training.invited')}` },
      el('span', {}, d.name), el('div', { class: 'bar' }, bar), el('span', {}, `${fmtNumber(d.percent)} %`));
  }));
  const waves = [...new Set(tr.scores.map((s) => s.wave))];
  const waveNames = waves.map((w) => tr.waves.find((g) => g.key === w)?.name ?? w);
  chart(document.getElementById('chart-scores'), {
    tooltip: { formatter: (p) => html`${p.data.name}: ${p.value[1]}` },
    grid: { left: 60, right: 30, top: 20, bottom: 60 },
    xAxis: { type: 'category', data: waveNames, axisLabel: { interval: 0, fontSize: 10, lineHeight: 12, width: Math.max(80, 900 / Math.max(1, waveNames.length)), overflow: 'break' } },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [{ type: 'scatter', data: tr.scores.map((s) => ({ name: s.participant, value: [waves.indexOf(s.wave), s.score] })),
      markLine: tr.scores.length ? { symbol: 'none', data: [{ yAxis: tr.scores[0].passScore, name: t('training.passScore') }] } : undefined }],
  });
  table(document.getElementById('table-overdue'), [
    { label: t('training.participant'), value: (o) => o.participant },
    { label: t('training.department'), value: (o) => o.department },
    { label: t('training.wave'), value: (o) => o.wave },
    { label: t('training.deadline'), value: (o) => fmtDate(o.deadline), csv: (o) => o.deadline },
  ], tr.overdue, csvName('training-overdue'));
}

// ------------------------------------------------------------------ adoption, trends
function lineChart(node, series, target, unit, by = 'all') {
  const weeks = [...new Set(Object.values(series).flat().map((p) => p.week))].sort();
  // a week that is not over is marked, not shown as a fall: its label says partial, its point is hollow
  const partial = new Set(Object.values(series).flat().filter((p) => p.partial).map((p) => p.week));
  node.dataset.partialWeeks = [...partial].join(',');
  if (!weeks.length) {
    node.replaceChildren(el('p', { class: 'muted empty-chart' }, t('chart.empty')));
    return;
  }
  // weeks without a single value in any slice: the figure is not kept per slice (or had no case), say so
  if (by !== 'all' && Object.values(series).flat().every((p) => p.value === null || p.value === undefined)) {
    node.replaceChildren(el('p', { class: 'muted empty-chart' }, t('chart.emptySlices')));
    return;
  }
  chart(node, {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    // room above the plot for the unit's name, the target's label inside the plot (not cut at its right edge)
    grid: { left: 50, right: 15, top: 30, bottom: 50 },
    xAxis: { type: 'category', data: weeks, axisLabel: { hideOverlap: true, formatter: (v) => (partial.has(v) ? `${fmtDate(v)}\n(${t('verdict.partial')})` : fmtDate(v)) } },
    yAxis: { type: 'value', name: unit, nameGap: 10, nameTextStyle: { align: 'left' }, max: target === undefined ? null : (v) => Math.ceil(Math.max(v.max, target) * 1.05) },
    color: palette,
    series: Object.entries(series).map(([slice, points], i) => ({
      name: sliceName(by, slice), type: 'line', showSymbol: weeks.length < 4, connectNulls: true,
      data: weeks.map((w) => { const v = points.find((p) => p.week === w)?.value ?? null;
        return partial.has(w) && v !== null ? { value: v, symbol: 'emptyCircle', symbolSize: 8, itemStyle: { opacity: 0.6 } } : v; }),
      markLine: i === 0 && target !== undefined ? { symbol: 'none', lineStyle: { color: C.target, type: 'dashed' }, label: { position: 'insideEndTop', formatter: `${t('target')} {c}` }, data: [{ yAxis: target }] } : undefined,
    })),
  });
}

async function renderAdoption() {
  const by = document.getElementById('adoption-by').value;
  const weekly = await getJson(`/api/insight/weekly?by=${by}&${windowQuery}`);
  const box = document.getElementById('adoption-charts');
  box.replaceChildren();
  ['USAGE', 'DATA_QUALITY', 'PERFORMANCE'].forEach((layer) => {
    Object.values(defs).filter((d) => d.layer === layer).forEach((d) => {
      const node = el('div', { class: 'chart', id: `adoption-${d.code}` });
      box.append(el('div', {}, el('h4', { title: d.definition }, `${t(`layer.${layer}`)} · ${d.name}`), node));
      const series = weekly[d.code] ?? {};
      lineChart(node, Object.keys(series).length ? series : { [t('noData')]: [] }, undefined, d.unit, by);
    });
  });
}

async function renderTrends() {
  const weekly = await getJson(`/api/insight/weekly?by=all&${windowQuery}`);
  const box = document.getElementById('trend-charts');
  box.replaceChildren();
  Object.values(defs).forEach((d) => {
    const node = el('div', { class: 'chart', id: `trend-${d.code}` });
    box.append(el('div', {}, el('h4', { title: d.definition }, d.name), node));
    const series = weekly[d.code]?.all ?? [];
    lineChart(node, { [d.name]: series }, d.target, d.unit);
  });
}

function renderCohorts(c) {
  const rows = c.trained.map((tr, i) => ({ trained: tr, untrained: c.untrained[i] }));
  const percent = rows.filter((r) => r.trained.unit === '%' || r.trained.unit === '％');
  chart(document.getElementById('chart-cohorts'), {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('cohort.trained'), t('cohort.untrained')] },
    grid: { left: 50, right: 20, top: 30, bottom: 60 },
    // every name whole, wrapped under its bars (rotated names ran into the legend and off the left edge)
    xAxis: { type: 'category', data: percent.map((r) => r.trained.name),
      axisLabel: { interval: 0, fontSize: 10, lineHeight: 12, width: Math.max(60, 900 / Math.max(1, percent.length)), overflow: 'break' } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      { name: t('cohort.trained'), type: 'bar', data: percent.map((r) => r.trained.value), itemStyle: { color: C.trained } },
      { name: t('cohort.untrained'), type: 'bar', data: percent.map((r) => r.untrained.value), itemStyle: { color: C.untrained } },
    ],
  });
  table(document.getElementById('table-cohorts'), [
    { label: t('kpi'), value: (r) => r.trained.name, title: undefined },
    { label: t('cohort.trained'), value: (r) => el('span', {}, `${valueText(r.trained)} (`, drillLink(r.trained, `n = ${r.trained.cases}`), ')'), csv: (r) => r.trained.value },
    { label: t('cohort.untrained'), value: (r) => el('span', {}, `${valueText(r.untrained)} (`, drillLink(r.untrained, `n = ${r.untrained.cases}`), ')'), csv: (r) => r.untrained.value },
    { label: t('cohort.gap'), value: (r) => (r.trained.value === null || r.untrained.value === null ? '–' : fmtNumber(r.trained.value - r.untrained.value)) },
  ], rows.filter((r) => r.trained.code !== 'TRAINING_COMPLETION'), csvName('cohorts'));
}

// ------------------------------------------------------------------ heatmap
let viewer;
function duration(ms) {
  if (ms < 60000) return `${Math.round(ms / 1000)}s`;
  if (ms < 3600000) return `${Math.round(ms / 60000)}m`;
  if (ms < 86400000) return `${fmtNumber(ms / 3600000)}h`;
  return `${fmtNumber(ms / 86400000)}d`;
}

async function renderHeatmap(key) {
  const h = await getJson(`/api/insight/heatmaps/${encodeURIComponent(key)}?${windowQuery}`);
  if (!viewer) viewer = new window.BpmnJS({ container: '#heatmap-diagram' });
  await viewer.importXML(h.bpmnXml);
  await showLabels(viewer).catch((e) => console.error(e));
  // the whole process when it fits readably; else readable and dragged to see the rest
  const canvas = viewer.get('canvas');
  if (canvas.zoom('fit-viewport') < 0.75) {
    // at 75 %: the process's start at the left edge, its height centred (diagram coordinates)
    const { inner, outer } = canvas.viewbox();
    const width = outer.width / 0.75;
    const height = outer.height / 0.75;
    canvas.viewbox({ x: inner.x - 10, y: inner.y + inner.height / 2 - height / 2, width, height });
  }
  const overlays = viewer.get('overlays');
  overlays.clear();
  const registry = viewer.get('elementRegistry');
  const maxShare = Math.max(1, ...h.steps.map((s) => s.sharePercent));
  h.steps.forEach((s) => {
    // steps that take no time (gateways, events, service calls) would only clutter the diagram
    if (!registry.get(s.activityId) || s.sharePercent <= 0) return;
    const heat = el('div', { class: 'heat', 'data-element': s.activityId,
      title: `${s.name ?? s.activityId}: ${s.instances} ${t('heatmap.instances')}, ${t('heatmap.mean')} ${duration(s.meanMs)}, ${t('heatmap.p90')} ${duration(s.p90Ms)}, ${t('heatmap.share')} ${s.sharePercent} %` },
    `${s.instances} · ${duration(s.meanMs)} · p90 ${duration(s.p90Ms)} · ${s.sharePercent}%`);
    const strength = s.sharePercent / maxShare;
    heat.style.background = `color-mix(in srgb, var(--heat) ${Math.round(100 * (0.15 + 0.75 * strength))}%, transparent)`;
    overlays.add(s.activityId, { position: { bottom: -4, left: 0 }, html: heat });
  });
  document.getElementById('heatmap-slowest').textContent = h.steps.length
    ? `${t('heatmap.slowest')}: ${h.slowest.map((s, i) => `${i + 1}. ${s.name ?? s.activityId} (${duration(s.meanMs)})`).join('  ')}`
    : t('heatmap.none');
  table(document.getElementById('table-steps'), [
    { label: t('heatmap.element'), value: (s) => s.name ?? s.activityId },
    { label: t('heatmap.instances'), value: (s) => s.instances },
    { label: t('heatmap.mean'), value: (s) => duration(s.meanMs), csv: (s) => Math.round(s.meanMs) },
    { label: t('heatmap.p90'), value: (s) => duration(s.p90Ms), csv: (s) => Math.round(s.p90Ms) },
    { label: `${t('heatmap.share')} %`, value: (s) => s.sharePercent },
  ], h.steps, csvName(`heatmap-${key}`));
}

// ------------------------------------------------------------------ targets
async function renderTargets() {
  const data = await getJson(`/api/insight/targets?${windowQuery}`);
  table(document.getElementById('table-targets'), [
    { label: t('kpi'), value: (r) => defs[r.kpi]?.name ?? r.kpi, title: undefined },
    { label: t('target'), value: (r) => {
      if (!mayEdit) return `${r.higherIsBetter ? '≥' : '≤'} ${fmtNumber(r.target)} ${defs[r.kpi]?.unit ?? ''}`;
      const input = el('input', { type: 'number', step: 'any', min: '0', class: 'target', id: `target-${r.kpi}`, value: r.target });
      const reason = el('input', { type: 'text', placeholder: t('targets.reason'), id: `reason-${r.kpi}` });
      const save = el('button', { type: 'button', id: `save-${r.kpi}` }, t('targets.set'));
      save.onclick = () => saveTarget(r.kpi, input.value, reason.value);
      return el('span', {}, input, ' ', reason, ' ', save);
    }, csv: (r) => r.target },
  ], data.targets, csvName('targets'));
  table(document.getElementById('table-target-changes'), [
    { label: t('kpi'), value: (c) => defs[c.kpi]?.name ?? c.kpi },
    { label: t('targets.old'), value: (c) => fmtNumber(c.oldTarget) },
    { label: t('targets.new'), value: (c) => fmtNumber(c.newTarget) },
    { label: t('targets.changedBy'), value: (c) => c.changedBy },
    { label: t('targets.changedAt'), value: (c) => fmtDateTime(c.changedAt), csv: (c) => c.changedAt },
    { label: t('targets.reason'), value: (c) => c.reason ?? '' },
  ], data.changes, csvName('target-changes'));
}

async function saveTarget(kpi, value, reason) {
  const message = document.getElementById('target-message');
  try {
    await sendJson('PUT', `/api/insight/targets/${kpi}`, { target: value === '' ? null : Number(value), reason });
  } catch (error) {
    message.textContent = error.message;
    return;
  }
  message.textContent = t('targets.saved');
  await loadAll();
}

// ------------------------------------------------------------------ window
/**
 * The window every section shows, stated on the page: the state sections say the day they stand
 * at (now when the window ends today), the board-pack link and every CSV file carry it.
 */
function showWindow(answer) {
  const today = new Date().toISOString().slice(0, 10);
  const live = answer.to >= today;
  page.dataset.windowFrom = answer.from;
  page.dataset.windowTo = answer.to;
  document.querySelectorAll('.state-note').forEach((n) => { n.textContent = live ? t('stateNow') : t('stateAt', fmtDate(answer.to)); });
  document.querySelectorAll('.window-note').forEach((n) => { n.textContent = t('windowNote', fmtDate(answer.from), fmtDate(answer.to)); });
  const pack = document.getElementById('pack-link');
  const url = new URL(pack.href, location.href);
  url.search = new URLSearchParams({ from: answer.from, to: answer.to }).toString();
  pack.href = url.pathname + url.search;
}

/** A CSV file's name with the window it holds. */
function csvName(name) {
  return page.dataset.windowFrom ? `${name}_${page.dataset.windowFrom}_${page.dataset.windowTo}` : name;
}

// ------------------------------------------------------------------ load
/**
 * One section's part of the load: it says it is loading, then draws when its own data has come,
 * or says in the section why it could not; no section waits for another's data (issue 24).
 */
async function section(name, work) {
  const node = document.getElementById(`section-${name}`);
  let note = node.querySelector(':scope > .section-status');
  if (!note) {
    note = el('p', { class: 'section-status muted', id: `status-${name}` });
    node.querySelector('h2').after(note);
  }
  node.dataset.state = 'loading';
  node.setAttribute('aria-busy', 'true');
  note.className = 'section-status muted';
  note.setAttribute('role', 'status');
  note.textContent = t('section.loading');
  note.hidden = false;
  try {
    await work();
    node.dataset.state = 'ready';
    note.hidden = true;
  } catch (error) {
    node.dataset.state = 'failed';
    note.className = 'section-status error';
    note.setAttribute('role', 'alert');
    note.textContent = t('section.failed', error?.message ?? String(error));
  } finally {
    node.removeAttribute('aria-busy');
  }
}

async function renderHeatmaps() {
  const processes = await getJson('/api/insight/heatmaps');
  const select = document.getElementById('heatmap-process');
  const keys = processes.map((p) => p.key);
  const chosen = select.value || (keys.includes('lead-to-sale') ? 'lead-to-sale' : keys[0]);
  select.replaceChildren(...processes.map((p) => el('option', { value: p.key }, p.name)));
  if (chosen) {
    select.value = chosen;
    await renderHeatmap(chosen);
  } else {
    document.getElementById('heatmap-slowest').textContent = t('heatmap.none');
  }
}

/** Every section at once, each drawn as its data arrives; data-loaded says when all have answered. */
async function loadAll() {
  page.dataset.loaded = 'false';
  charts.splice(0).forEach((c) => c.dispose());
  const get = (path) => getJson(`${path}?${windowQuery}`);
  const lights = get('/api/insight/lights');
  const figures = get('/api/insight/figures');
  const rollout = get('/api/insight/rollout');
  // adoption, trends and targets name and scale their charts by the figures' definitions
  const definitions = figures.then((f) => { defs = Object.fromEntries(f.map((d) => [d.code, d])); });
  // the change beside each figure: the previous period the lights name (none when they fail)
  const previous = lights.then((l) => getJson(`/api/insight/figures?${new URLSearchParams({ from: l.previousFrom, to: l.previousTo })}`));
  [lights, figures, rollout, definitions, previous].forEach((p) => p.catch(() => {}));
  await Promise.all([
    section('lights', async () => { const answer = await lights; showWindow(answer); renderLights(answer); }),
    section('figures', async () => {
      const shown = await figures;
      renderFigures(shown);
      renderFigures(shown, await previous.catch(() => []));
    }),
    section('rollout', async () => renderRollout(await rollout)),
    section('readiness', async () => renderReadiness((await rollout)?.stakeholders ?? [])),
    section('training', async () => renderTraining(await get('/api/insight/training'))),
    section('cohorts', async () => renderCohorts(await get('/api/insight/cohorts'))),
    section('adoption', async () => { await definitions; await renderAdoption(); }),
    section('trends', async () => { await definitions; await renderTrends(); }),
    section('targets', async () => { await definitions; await renderTargets(); }),
    section('heatmap', renderHeatmaps),
  ]);
  page.dataset.loaded = 'true';
}

/** The window lives in the URL (?from=&to=), so a link or a reload shows the same figures. */
function windowFromUrl(status) {
  const params = new URLSearchParams(location.search);
  const from = params.get('from') || status.from;
  const to = params.get('to') || status.to;
  document.getElementById('window-from').value = from;
  document.getElementById('window-to').value = to;
  // a shared link with a reversed range: the message beside the picker, the sections on the default window
  if (!windowValid(from, to)) return;
  if (params.get('from') || params.get('to')) windowQuery = new URLSearchParams({ from, to }).toString();
  showWindow({ from, to });
}

/** A reversed range is refused beside the picker, before any section is asked for it. */
function windowValid(from, to) {
  const message = document.getElementById('window-error');
  const bad = from && to && from > to;
  message.textContent = bad ? t('window.reversed') : '';
  message.hidden = !bad;
  return !bad;
}

async function start() {
  const status = await getJson('/api/insight/status');
  windowFromUrl(status);
  if (!status.hasSnapshots) {
    const box = document.getElementById('figures');
    box.before(el('p', { class: 'muted', id: 'no-snapshots' }, t('empty')));
  }
  await loadAll();
}

document.getElementById('window-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const from = document.getElementById('window-from').value;
  const to = document.getElementById('window-to').value;
  if (!windowValid(from, to)) return;
  windowQuery = new URLSearchParams({ from, to }).toString();
  const url = new URL(location.href);
  url.search = windowQuery;
  history.replaceState(null, '', url);
  showWindow({ from, to });
  loadAll().catch(showError);
});
document.getElementById('adoption-by').addEventListener('change', () => section('adoption', renderAdoption));
document.getElementById('heatmap-process').addEventListener('change', (e) => section('heatmap', () => renderHeatmap(e.target.value)));
document.getElementById('print').addEventListener('click', () => window.print());
window.addEventListener('beforeprint', () => charts.forEach((c) => c.resize()));
window.addEventListener('afterprint', () => charts.forEach((c) => c.resize()));
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

start().catch(showError);
