// Injected at the end of an executed page by ChartMeasurements: waits until every plotly chart has drawn
// and stopped changing, measures them and the page's tables, narrows the page (as a small notebook window
// would), waits again and measures again, then writes the results as JSON into a pre element with the id chart-measurements.
(function () {
  var narrowWidth = __NARROW_WIDTH__;

  function rgb(color) {
    if (!color || typeof color !== 'string') return null;
    var probe = document.createElement('div');
    probe.style.color = color;
    document.body.appendChild(probe);
    var value = getComputedStyle(probe).color;
    probe.remove();
    var m = value.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/);
    return m ? m[1] + ',' + m[2] + ',' + m[3] : value;
  }

  function chart(gd) {
    var fl = gd._fullLayout, box = gd.getBoundingClientRect();
    var m = {
      title: (gd.__lotteryTitle || (fl.title && fl.title.text) || '').replace(/<br>/g, ' '),
      width: fl.width, plotWidth: fl._size.w, plotTop: box.top + fl._size.t, problems: []
    };
    var titles = Array.prototype.slice.call(gd.querySelectorAll('.g-gtitle text, .annotation-text'));
    titles.forEach(function (t) {
      var b = t.getBoundingClientRect();
      if (b.width === 0) return;
      if (b.left < box.left - 1 || b.right > box.left + fl.width + 1 || b.top < box.top - 1)
        m.problems.push('title "' + t.textContent + '" is cut: it spans ' + Math.round(b.left - box.left) + '..' + Math.round(b.right - box.left) +
          ' px (top ' + Math.round(b.top - box.top) + ') in a figure of ' + fl.width + ' px');
    });
    // The title must end above the plot area (in a grid, above the panel titles).
    var main = gd.querySelector('.g-gtitle text'), below = m.plotTop;
    gd.querySelectorAll('.annotation-text').forEach(function (a) { var ab = a.getBoundingClientRect(); if (ab.height > 0) below = Math.min(below, ab.top); });
    if (main) {
      var mb = main.getBoundingClientRect();
      if (mb.height > 0 && mb.bottom > below + 1)
        m.problems.push('title overlaps what is below it by ' + Math.round(mb.bottom - below) + ' px');
    }
    if (m.plotWidth < fl.width / 2)
      m.problems.push('plot area is ' + Math.round(m.plotWidth) + ' px of a ' + fl.width + ' px figure (less than half)');

    var curves = [], bands = [];
    gd._fullData.forEach(function (t) {
      if (t.visible === false || t.type === 'heatmap') return;
      if (t.fill && t.fill !== 'none') { bands.push({ name: t.name, group: t.legendgroup, color: rgb(t.fillcolor) }); return; }
      var mode = t.mode || '';
      var lines = mode.indexOf('lines') >= 0 && t.line && t.line.width > 0;
      var markers = mode.indexOf('markers') >= 0 || t.type === 'bar';
      if (lines || markers) curves.push({ name: t.name, group: t.legendgroup, color: rgb(lines ? t.line.color : t.marker.color) });
    });
    bands.forEach(function (b) {
      curves.concat(bands).forEach(function (c) {
        if (c !== b && c.color === b.color && !(b.group && c.group === b.group))
          m.problems.push('band "' + b.name + '" has the colour of "' + c.name + '" (rgb ' + b.color + ')');
      });
    });
    return m;
  }

  function tables() {
    var problems = [];
    document.querySelectorAll('table').forEach(function (t) {
      var container = t.closest('.output') || t.parentElement;
      var width = t.getBoundingClientRect().width;
      if (width > container.clientWidth + 1) {
        var caption = t.closest('.lottery-table');
        problems.push('table "' + (caption ? caption.textContent.slice(0, 60) : t.textContent.slice(0, 60)) + '" is ' + Math.round(width) +
          ' px wide in a ' + container.clientWidth + ' px output');
      }
    });
    return problems;
  }

  function whenSettled(then) {
    var last = '', stable = 0, waited = 0;
    (function poll() {
      var charts = document.querySelectorAll('.js-plotly-plot'), state = charts.length + ':';
      charts.forEach(function (c) { state += c._fullLayout ? c._fullLayout.width + 'x' + c._fullLayout.margin.t + ';' : 'x;'; });
      stable = state === last ? stable + 1 : 0;
      last = state;
      waited += 100;
      if ((stable >= 10 && state.indexOf('x;') < 0) || waited > 20000) then(); else setTimeout(poll, 100);
    })();
  }

  function measureAll() {
    return {
      pageWidth: document.body.clientWidth,
      charts: Array.prototype.map.call(document.querySelectorAll('.js-plotly-plot'), chart),
      tables: tables()
    };
  }

  whenSettled(function () {
    var wide = measureAll();
    document.body.style.maxWidth = narrowWidth + 'px';
    window.dispatchEvent(new Event('resize'));
    whenSettled(function () {
      var narrow = measureAll();
      var pre = document.createElement('pre');
      pre.id = 'chart-measurements';
      pre.textContent = JSON.stringify([wide, narrow]);
      document.body.appendChild(pre);
    });
  });
})();
