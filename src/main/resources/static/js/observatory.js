// Charts of the observatory (Apache ECharts). Each chart is a <div data-chart-url> whose data come from the JSON
// API; the type is in data-chart-type (line, bar, stacked, compare). No inline script: the CSP forbids it.
(function () {
  'use strict';

  function language() {
    return document.documentElement.lang || 'fr';
  }

  function text(value) {
    if (!value) {
      return '';
    }
    return value[language()] || value.fr || value.en || value.ar || '';
  }

  // The dimension values that tell a series apart from the others, then its source.
  function names(list) {
    return list.map(function (s) {
      var parts = [];
      s.dimensions.forEach(function (d, i) {
        var varies = list.some(function (o) { return o.dimensions[i].code !== d.code; });
        if (varies || s.dimensions.length === 1) {
          parts.push(text(d.label));
        }
      });
      var sources = list.some(function (o) { return o.source !== s.source; });
      return parts.join(' · ') + (sources ? ' — ' + s.source : '');
    });
  }

  function numberOrNull(o) {
    return o && o.value !== undefined && o.value !== null ? Number(o.value) : null;
  }

  function seriesOf(data) {
    if (data.rows) {
      var rowNames = names(data.rows);
      return data.rows.map(function (r, i) {
        return { name: rowNames[i], values: data.periods.map(function (p) { return numberOrNull(r.values[p]); }) };
      });
    }
    var seriesNames = names(data.series);
    return data.series.map(function (s, i) {
      var byPeriod = {};
      s.observations.forEach(function (o) { byPeriod[o.period] = o; });
      return { name: seriesNames[i], values: data.periods.map(function (p) { return numberOrNull(byPeriod[p]); }) };
    });
  }

  function render(element, data) {
    var type = element.getAttribute('data-chart-type') || 'line';
    var rtl = document.documentElement.dir === 'rtl';
    var series = seriesOf(data).map(function (s) {
      var bar = type === 'bar' || type === 'stacked';
      return {
        name: s.name,
        type: bar ? 'bar' : 'line',
        stack: type === 'stacked' ? 'total' : undefined,
        connectNulls: true,
        symbolSize: 8,
        data: s.values
      };
    });
    var chart = window.echarts.init(element, null, { renderer: 'canvas' });
    var format = new Intl.NumberFormat(language() === 'ar' ? 'ar-MA-u-nu-latn' : language());
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '—' : format.format(v); } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 70, right: 30, top: 60, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: data.periods, inverse: rtl },
      yAxis: { type: 'value', position: rtl ? 'right' : 'left', axisLabel: { formatter: function (v) { return format.format(v); } } },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
    element.setAttribute('data-rendered', String(series.length));
  }

  function draw(element) {
    if (!window.echarts || element.hasAttribute('data-drawn')) {
      return;
    }
    element.setAttribute('data-drawn', 'true');
    fetch(element.getAttribute('data-chart-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (data) { render(element, data); })
      .catch(function () { element.setAttribute('data-error', 'true'); });
  }

  function init(root) {
    if (root && root.querySelectorAll) {
      if (root.hasAttribute && root.hasAttribute('data-chart-url')) {
        draw(root);
      }
      root.querySelectorAll('[data-chart-url]').forEach(draw);
    }
  }

  document.addEventListener('DOMContentLoaded', function () { init(document); });
  document.addEventListener('htmx:load', function (event) { init(event.detail.elt); });
})();
