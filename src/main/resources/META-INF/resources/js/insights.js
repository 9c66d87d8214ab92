// Draws the insights charts with Chart.js (served by Signet from its webjar, no CDN) from the JSON that
// /api/insights serves, and redraws them every 30 seconds. Series are told apart without colour: the
// sentiment bars carry patterns (plain, dots, stripes) and every chart has its data table next to it.
(function () {
  'use strict';
  var script = document.getElementById('insights-script');
  var url = script.getAttribute('data-series');
  var charts = {};
  var last = null;
  var scaleSelect = document.getElementById('volume-scale');
  var clipNote = document.getElementById('volume-clip-note');

  // The y axis of the volume chart: linear, logarithmic, or clipped at 1.25 x the 95th percentile so that one spike
  // hour does not flatten the rest of the week (the clipped bars reach the top and are listed under the title).
  function volumeAxis(values) {
    var mode = scaleSelect ? scaleSelect.value : 'linear';
    var axis = { beginAtZero: true, title: { display: true, text: 'messages' } };
    var clipped = 0;
    if (mode === 'log') {
      axis = { type: 'logarithmic', min: 1, title: { display: true, text: 'messages (log scale)' } };
    } else if (mode === 'clipped') {
      var sorted = values.slice().sort(function (a, b) { return a - b; });
      var p95 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] : 0;
      var max = Math.max(1, Math.ceil(p95 * 1.25));
      clipped = values.filter(function (v) { return v > max; }).length;
      axis.max = max;
      axis.title.text = 'messages (clipped at ' + max + ')';
    }
    if (clipNote) {
      clipNote.hidden = clipped === 0;
      clipNote.textContent = clipped === 0 ? '' : clipped + ' bar(s) above ' + axis.max + ' messages are cut at the top; the table has their figures.';
    }
    return axis;
  }

  function pattern(color, kind) {
    var size = 8;
    var canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    var ctx = canvas.getContext('2d');
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, size, size);
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.strokeStyle = 'rgba(255,255,255,0.85)';
    if (kind === 'dots') {
      ctx.beginPath();
      ctx.arc(size / 2, size / 2, 1.6, 0, 2 * Math.PI);
      ctx.fill();
    } else if (kind === 'stripes') {
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(0, size);
      ctx.lineTo(size, 0);
      ctx.stroke();
    }
    return ctx.createPattern(canvas, 'repeat');
  }

  function label(iso, bucket) {
    var d = new Date(iso);
    var day = d.toISOString().slice(5, 10);
    return bucket === 'hour' ? day + ' ' + d.toISOString().slice(11, 13) + 'h' : day;
  }

  function draw(report) {
    last = report;
    var labels = report.points.map(function (p) { return label(p.start, report.bucket); });
    var volume = {
      labels: labels,
      datasets: [{ label: 'Messages per ' + report.bucket, data: report.points.map(function (p) { return p.messages; }),
        backgroundColor: '#1f5fbf' }]
    };
    var share = function (pick) {
      return report.points.map(function (p) {
        var scored = p.positive + p.neutral + p.negative;
        return scored === 0 ? 0 : Math.round(1000 * pick(p) / scored) / 10;
      });
    };
    var sentiment = {
      labels: labels,
      datasets: [
        { label: 'Positive % (plain)', data: share(function (p) { return p.positive; }), backgroundColor: pattern('#1b7f3b', 'plain') },
        { label: 'Neutral % (dots)', data: share(function (p) { return p.neutral; }), backgroundColor: pattern('#6b7280', 'dots') },
        { label: 'Negative % (stripes)', data: share(function (p) { return p.negative; }), backgroundColor: pattern('#b3261e', 'stripes') }
      ]
    };
    render('volume-chart', 'bar', volume, { scales: { y: volumeAxis(volume.datasets[0].data) } });
    render('sentiment-chart', 'bar', sentiment, {
      scales: { x: { stacked: true }, y: { stacked: true, min: 0, max: 100, title: { display: true, text: '% of scored' } } }
    });
  }

  function render(id, type, data, options) {
    if (charts[id]) {
      charts[id].data = data;
      charts[id].options.scales = options.scales;
      charts[id].update('none');
      return;
    }
    var canvas = document.getElementById(id);
    options.animation = false;
    options.maintainAspectRatio = false;
    options.plugins = { legend: { position: 'bottom' } };
    charts[id] = new Chart(canvas, { type: type, data: data, options: options });
  }

  function refresh() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(draw)
      .catch(function (e) { console.warn('insights refresh failed', e); });
  }

  if (scaleSelect) {
    scaleSelect.addEventListener('change', function () {
      if (last) {
        draw(last);
      }
    });
  }
  refresh();
  setInterval(refresh, 30000);
})();
