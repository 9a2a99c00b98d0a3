// Draws the chart of an indicator's values with Apache ECharts: actual values as bars coloured by status, targets
// as points, the baseline as a line. Reads the indicator's values from the JSON API named by data-values-url, and
// draws again when htmx replaces the values section (after a value is entered).
(function () {
  'use strict';

  var COLOURS = { GREEN: '#2e7d32', AMBER: '#b26a00', RED: '#b3261e' };
  var NEUTRAL = '#0f7285';

  // Left-to-right marks keep "2006–2008" in that order on right-to-left pages.
  function label(p) {
    var text = !p.end ? p.start + '–' : (p.start === p.end ? p.start : p.start + '–' + p.end);
    return '\u200e' + text + '\u200e';
  }

  function draw(el) {
    if (!window.echarts || !el || el.getAttribute('data-drawing') === 'true') {
      return;
    }
    el.setAttribute('data-drawing', 'true');
    fetch(el.getAttribute('data-values-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var periods = (data.periods || []).filter(function (p) { return p.actual != null || p.target != null; });
        var rtl = document.documentElement.getAttribute('dir') === 'rtl';
        var existing = window.echarts.getInstanceByDom(el);
        if (existing) {
          existing.dispose();
        }
        var chart = window.echarts.init(el);
        var series = [{
          name: el.getAttribute('data-label-actual'),
          type: 'bar',
          barMaxWidth: 48,
          color: NEUTRAL,
          data: periods.map(function (p) {
            return p.actual == null ? null : { value: p.actual, itemStyle: { color: COLOURS[p.status] || NEUTRAL } };
          })
        }, {
          name: el.getAttribute('data-label-target'),
          type: 'line',
          color: '#5b6874',
          symbol: 'diamond',
          symbolSize: 14,
          lineStyle: { type: 'dashed' },
          connectNulls: false,
          data: periods.map(function (p) { return p.target == null ? null : p.target; })
        }];
        if (data.baseline && data.baseline.value != null) {
          series[0].markLine = {
            symbol: 'none',
            label: { formatter: el.getAttribute('data-label-baseline') + ' : {c}' },
            data: [{ yAxis: data.baseline.value }]
          };
        }
        chart.setOption({
          animation: false,
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 56, right: 56, top: 40, bottom: 40 },
          xAxis: { type: 'category', inverse: rtl, data: periods.map(label) },
          yAxis: { type: 'value', position: rtl ? 'right' : 'left', max: data.measure === 'PERCENTAGE' ? 100 : null },
          series: series
        });
        el.setAttribute('data-rendered', String(periods.length));
      })
      .catch(function () {
        el.setAttribute('data-rendered', 'error');
      })
      .then(function () {
        el.removeAttribute('data-drawing');
      });
  }

  function drawAll() {
    draw(document.getElementById('indicator-chart'));
  }

  document.addEventListener('DOMContentLoaded', drawAll);
  document.addEventListener('htmx:afterSettle', drawAll);
  window.addEventListener('resize', function () {
    var el = document.getElementById('indicator-chart');
    var chart = el && window.echarts && window.echarts.getInstanceByDom(el);
    if (chart) {
      chart.resize();
    }
  });
})();
