// profgate HTML report: draws the differential flame graph and the function table from the JSON in
// #profgate-data. No network access: everything it needs is in the page. One file (about 400 lines: data,
// drawing, zoom, search, table) because the page inlines exactly one script.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('profgate-data').textContent);
  var SCALE = data.scale;
  var ROW = 18;
  var FONT = '12px ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace';
  var PAGE = 60;
  var NEUTRAL = [228, 228, 231], GREW = [220, 38, 38], SHRANK = [37, 99, 235], MATCH = '#a21caf';

  function $(id) { return document.getElementById(id); }
  var canvas = $('flame'), ctx = canvas.getContext('2d'), tooltip = $('tooltip'), wrap = $('flame-wrap');
  var state = { view: null, shape: 'head', colorBy: 'self', zoom: 0, matches: null, drawn: [], sortKey: 'ds', sortDir: -1, showAll: false, filter: '' };
  var prepared = [];

  // ---- number formatting (invariant, same rules as the C# NumberText) ----
  function group(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function share(v) {
    var p = v / SCALE * 100, a = Math.abs(p);
    if (p === 0) return '0%';
    if (a < 0.001) return '<0.001%';
    return (a < 0.1 ? p.toFixed(3) : p.toFixed(2)) + '%';
  }
  function points(d) {
    var p = d / SCALE * 100, a = Math.abs(p);
    return (p < 0 ? '-' : '+') + a.toFixed(a < 0.1 ? 3 : 2) + ' pts';
  }
  function relative(b, h) {
    if (b === 0) return h === 0 ? '—' : 'new';
    if (h === 0) return 'gone';
    var r = (h - b) / b * 100, a = Math.abs(r);
    var t = a >= 100 ? group(Math.round(a).toString()) : a.toFixed(a >= 0.05 ? 1 : 2);
    return (Number(t.replace(/,/g, '')) === 0 ? '±' : r < 0 ? '-' : '+') + t + '%';
  }
  function ratio(b, h) { return b === 0 ? (h === 0 ? 0 : Infinity) : (h - b) / b; }

  // ---- data ----
  function prepare(index) {
    if (prepared[index]) return prepared[index];
    var v = data.views[index];
    var src = v.sameAs !== undefined ? data.views[v.sameAs] : v;
    var fr = src.frames, n = fr.length / 6;
    var V = {
      meta: v, names: v.names, n: n,
      name: new Int32Array(n), depth: new Int32Array(n), parent: new Int32Array(n), end: new Int32Array(n),
      bt: new Float64Array(n), ht: new Float64Array(n), bs: new Float64Array(n), hs: new Float64Array(n),
      maxDepth: 0, findings: {}, functions: [], x: null, layoutShape: null,
      // Head values are in base units (right for changes and colors); shown shares are each run's own.
      hf: src.headFactor || 1
    };
    var last = [], open = [];
    for (var k = 0; k < n; k++) {
      var d = fr[k * 6 + 1];
      V.name[k] = fr[k * 6]; V.depth[k] = d;
      V.bt[k] = fr[k * 6 + 2]; V.ht[k] = fr[k * 6 + 3]; V.bs[k] = fr[k * 6 + 4]; V.hs[k] = fr[k * 6 + 5];
      V.parent[k] = d === 0 ? -1 : last[d - 1];
      last[d] = k;
      while (open.length && V.depth[open[open.length - 1]] >= d) V.end[open.pop()] = k;
      open.push(k);
      if (d > V.maxDepth) V.maxDepth = d;
    }
    while (open.length) V.end[open.pop()] = n;
    v.findings.forEach(function (f) { if (!V.findings[f.name]) V.findings[f.name] = f; });
    var fn = src.functions;
    for (var i = 0; i < fn.length; i += 5) {
      var row = { id: fn[i], name: v.names[fn[i]], bs: fn[i + 1], hs: fn[i + 2], bt: fn[i + 3], ht: fn[i + 4] };
      row.ds = row.hs * V.hf - row.bs; row.dt = row.ht * V.hf - row.bt; row.cs = ratio(row.bs, row.hs);
      row.finding = V.findings[row.id] || null;
      V.functions.push(row);
    }
    V.maxSelf = 0; V.maxTotal = 0;
    for (k = 1; k < n; k++) {
      V.maxSelf = Math.max(V.maxSelf, Math.abs(V.hs[k] - V.bs[k]));
      V.maxTotal = Math.max(V.maxTotal, Math.abs(V.ht[k] - V.bt[k]));
    }
    prepared[index] = V;
    return V;
  }

  function width(V, k) { return state.shape === 'head' ? V.ht[k] : V.bt[k]; }

  function layout(V) {
    if (V.layoutShape === state.shape) return;
    var x = new Float64Array(V.n), cursor = new Float64Array(V.maxDepth + 2);
    for (var k = 0; k < V.n; k++) {
      var d = V.depth[k];
      x[k] = d === 0 ? 0 : cursor[d];
      cursor[d] = x[k] + width(V, k);
      cursor[d + 1] = x[k];
    }
    V.x = x; V.layoutShape = state.shape;
  }

  // ---- colors ----
  function delta(V, k) { return state.colorBy === 'self' ? V.hs[k] - V.bs[k] : V.ht[k] - V.bt[k]; }
  function intensity(d, max) {
    if (max <= 0) return 0;
    var t = Math.min(1, Math.abs(d) / max);
    return t < 0.01 ? 0 : Math.sqrt(t);
  }
  function fill(d, max) {
    var t = intensity(d, max), to = d >= 0 ? GREW : SHRANK;
    return 'rgb(' + Math.round(NEUTRAL[0] + (to[0] - NEUTRAL[0]) * t) + ',' + Math.round(NEUTRAL[1] + (to[1] - NEUTRAL[1]) * t) + ',' + Math.round(NEUTRAL[2] + (to[2] - NEUTRAL[2]) * t) + ')';
  }

  // ---- drawing ----
  function draw() {
    var V = state.view;
    layout(V);
    var dpr = window.devicePixelRatio || 1;
    var W = Math.max(200, wrap.clientWidth - 8);
    var H = (V.maxDepth + 1) * ROW + 1;
    if (canvas.width !== Math.round(W * dpr) || canvas.height !== Math.round(H * dpr)) {
      canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
      canvas.style.width = W + 'px'; canvas.style.height = H + 'px';
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.font = FONT;
    ctx.textBaseline = 'middle';
    var charWidth = ctx.measureText('m').width || 7;
    var max = state.colorBy === 'self' ? V.maxSelf : V.maxTotal;
    var z = state.zoom, zx = V.x[z], zw = width(V, z) || 1, scale = W / zw;
    var drawn = [];

    function frame(k, px, pw, ancestor) {
      var y = V.depth[k] * ROW;
      var matched = state.matches && state.matches[V.name[k]];
      var d = delta(V, k);
      ctx.globalAlpha = ancestor ? 0.6 : 1;
      ctx.fillStyle = matched ? MATCH : fill(d, max);
      ctx.fillRect(px, y, Math.max(pw - 1, 0.5), ROW - 1);
      drawn.push([k, px, pw, y]);
      if (pw > charWidth * 3 + 6) {
        var label = V.names[V.name[k]];
        var fit = Math.floor((pw - 6) / charWidth);
        if (label.length > fit) label = label.slice(0, Math.max(1, fit - 1)) + '…';
        ctx.fillStyle = matched || intensity(d, max) > 0.6 ? '#fff' : '#1f2328';
        ctx.fillText(label, px + 3, y + ROW / 2);
      }
      ctx.globalAlpha = 1;
    }

    for (var a = V.parent[z]; a >= 0; a = V.parent[a]) frame(a, 0, W, true);
    for (var k = z; k < V.end[z];) {
      var pw = width(V, k) * scale;
      if (pw < 0.4) { k = V.end[k]; continue; }
      frame(k, (V.x[k] - zx) * scale, pw, false);
      k++;
    }
    state.drawn = drawn;
  }

  // ---- hover and zoom ----
  function hit(ev) {
    var r = canvas.getBoundingClientRect(), mx = ev.clientX - r.left, my = ev.clientY - r.top;
    var depth = Math.floor(my / ROW);
    for (var i = state.drawn.length - 1; i >= 0; i--) {
      var f = state.drawn[i];
      if (f[3] === depth * ROW && mx >= f[1] && mx < f[1] + f[2]) return f[0];
    }
    return -1;
  }

  function line(parent, label, text, cls) {
    var div = document.createElement('div');
    if (cls) div.className = cls;
    if (label) { var b = document.createElement('span'); b.className = 'tt-label'; b.textContent = label; div.appendChild(b); }
    div.appendChild(document.createTextNode(text));
    parent.appendChild(div);
  }

  function showTooltip(ev, k) {
    var V = state.view;
    tooltip.textContent = '';
    line(tooltip, '', V.names[V.name[k]], 'tt-name');
    line(tooltip, 'Head ', share(V.ht[k] * V.hf) + ' total · ' + share(V.hs[k] * V.hf) + ' self');
    line(tooltip, 'Base ', share(V.bt[k]) + ' total · ' + share(V.bs[k]) + ' self');
    line(tooltip, 'Change ', 'total ' + relative(V.bt[k], V.ht[k]) + ' (' + points(V.ht[k] * V.hf - V.bt[k]) + ') · self ' + relative(V.bs[k], V.hs[k]) + ' (' + points(V.hs[k] * V.hf - V.bs[k]) + ')');
    var f = V.findings[V.name[k]];
    if (f) line(tooltip, 'Gate ', f.status + ' ' + f.kind + ', ' + f.measure + ' ' + f.change + (f.threshold !== '—' ? ', threshold ' + f.threshold : '') + ', rule ' + f.rule, 'tt-finding tt-' + f.status);
    if (V.depth[k] > 0) line(tooltip, '', k === state.zoom ? 'Click: zoom out to the caller' : 'Click to zoom', 'tt-hint');
    tooltip.hidden = false;
    // Fixed to the viewport and flipped near its edges, so the box is never cut off.
    var left = ev.clientX + 14, top = ev.clientY + 14;
    if (left + tooltip.offsetWidth > window.innerWidth - 4) left = Math.max(4, ev.clientX - tooltip.offsetWidth - 14);
    if (top + tooltip.offsetHeight > window.innerHeight - 4) top = Math.max(4, ev.clientY - tooltip.offsetHeight - 14);
    tooltip.style.left = left + 'px';
    tooltip.style.top = top + 'px';
  }

  function zoomTo(k) {
    state.zoom = k < 0 ? 0 : k;
    $('reset').disabled = state.zoom === 0;
    renderZoomPath();
    draw();
  }

  function renderZoomPath() {
    var V = state.view, el = $('zoom-path');
    el.textContent = '';
    if (state.zoom === 0) return;
    var path = [];
    for (var a = state.zoom; a >= 0; a = V.parent[a]) path.unshift(a);
    el.appendChild(document.createTextNode('Zoomed: '));
    path.forEach(function (k, i) {
      if (i > 0) el.appendChild(document.createTextNode(' › '));
      var b = document.createElement('button');
      b.type = 'button'; b.className = 'crumb'; b.textContent = V.names[V.name[k]];
      b.addEventListener('click', function () { zoomTo(k); });
      el.appendChild(b);
    });
  }

  // ---- search ----
  function search(text) {
    var V = state.view, status = $('search-status');
    state.matches = null;
    status.textContent = '';
    if (text) {
      var test;
      var m = /^\/(.+)\/([a-z]*)$/.exec(text);
      try {
        var re = m ? new RegExp(m[1], m[2].indexOf('i') >= 0 ? 'i' : '') : null;
        var lower = text.toLowerCase();
        test = re ? function (s) { return re.test(s); } : function (s) { return s.toLowerCase().indexOf(lower) >= 0; };
      } catch (e) {
        status.textContent = 'Invalid regular expression';
        draw();
        return;
      }
      var matches = new Uint8Array(V.names.length), any = false;
      for (var i = 0; i < V.names.length; i++) if (test(V.names[i])) { matches[i] = 1; any = true; }
      var frames = 0, base = 0, head = 0, until = -1;
      for (var k = 1; k < V.n; k++) {
        if (!matches[V.name[k]]) continue;
        frames++;
        if (k >= until) { base += V.bt[k]; head += V.ht[k] * V.hf; until = V.end[k]; }
      }
      state.matches = any ? matches : null;
      status.textContent = frames === 0 ? 'No frame matches' :
        frames + (frames === 1 ? ' frame matches' : ' frames match') + ': head ' + share(head) + ', base ' + share(base) + ' (' + points(head - base) + ')';
    }
    draw();
  }

  // ---- function table ----
  var columns = ['name', 'bs', 'hs', 'ds', 'cs', 'bt', 'ht', 'dt', 'finding'];
  var statusRank = { fail: 0, warn: 1, accepted: 2, info: 3 };

  function compare(a, b) {
    var key = state.sortKey, x, y;
    if (key === 'name') { x = a.name; y = b.name; return x < y ? -1 : x > y ? 1 : 0; }
    if (key === 'finding') { x = a.finding ? statusRank[a.finding.status] : 9; y = b.finding ? statusRank[b.finding.status] : 9; }
    else { x = a[key]; y = b[key]; }
    return x < y ? -1 : x > y ? 1 : 0;
  }

  function cell(tr, text, cls, title) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    if (title) td.title = title;
    tr.appendChild(td);
    return td;
  }

  // Only differences of at least 0.1 share points get a color; smaller ones are usually noise.
  function trend(d) { return Math.abs(d) < SCALE / 1000 ? '' : d > 0 ? 'up' : 'down'; }

  function renderTable() {
    var V = state.view, tbody = document.querySelector('#functions tbody');
    var filter = state.filter.toLowerCase();
    var rows = V.functions.filter(function (r) { return !filter || r.name.toLowerCase().indexOf(filter) >= 0; });
    rows.sort(function (a, b) { return compare(a, b) * state.sortDir || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
    var shown = state.showAll ? rows : rows.slice(0, PAGE);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (r) {
      var tr = document.createElement('tr');
      if (r.finding) tr.className = 'status-' + r.finding.status + ' kind-' + r.finding.kind;
      var name = cell(tr, r.name, 'fn', r.name);
      name.tabIndex = 0;
      cell(tr, r.bs === 0 && r.bt === 0 ? '—' : share(r.bs), 'num');
      cell(tr, r.hs === 0 && r.ht === 0 ? '—' : share(r.hs * V.hf), 'num');
      cell(tr, points(r.ds), 'num ' + trend(r.ds));
      cell(tr, relative(r.bs, r.hs), 'num');
      cell(tr, share(r.bt), 'num');
      cell(tr, share(r.ht * V.hf), 'num');
      cell(tr, points(r.dt), 'num ' + trend(r.dt));
      var f = cell(tr, '', 'finding');
      if (r.finding) {
        var pill = document.createElement('span');
        pill.className = 'pill';
        pill.textContent = r.finding.status;
        f.appendChild(pill);
        var change = r.finding.change;
        f.appendChild(document.createTextNode(' ' + (change.indexOf(r.finding.kind) === 0 ? '' : r.finding.kind + ' ') + change));
      }
      tr.addEventListener('click', function () { focusFunction(r.name); });
      fragment.appendChild(tr);
    });
    tbody.textContent = '';
    tbody.appendChild(fragment);
    var more = $('more-rows');
    more.hidden = state.showAll || rows.length <= PAGE;
    more.textContent = 'Show all ' + group(String(rows.length)) + ' functions';
    $('functions-count').textContent = group(String(rows.length)) + ' of ' + group(String(V.functions.length)) + ' functions' + (shown.length < rows.length ? ', showing the first ' + shown.length : '');
    document.querySelectorAll('#functions th').forEach(function (th) {
      th.setAttribute('aria-sort', th.dataset.key === state.sortKey ? (state.sortDir < 0 ? 'descending' : 'ascending') : 'none');
    });
  }

  function focusFunction(name) {
    var text = '/^' + name.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&') + '$/';
    $('search').value = text;
    search(text);
    $('flame-section').scrollIntoView({ block: 'start' });
  }

  // ---- view switching ----
  function selectView(index) {
    state.view = prepare(index);
    state.zoom = 0;
    $('reset').disabled = true;
    renderZoomPath();
    var V = state.view, m = V.meta, p = m.pruned;
    var note = m.scenario + ' · ' + m.sampleType + ' · base ' + m.baseRuns + (m.baseRuns === '1' ? ' run' : ' runs') + ', ' + m.baseTotal + ' per run · head ' + m.headRuns + (m.headRuns === '1' ? ' run' : ' runs') + ', ' + m.headTotal + ' per run · ' + m.normalization + '. ';
    note += group(String(V.n)) + ' frames drawn';
    if (p.paths > 0) note += '; ' + group(String(p.paths)) + ' call paths narrower than ' + p.minShare + ' of the total (' + p.minPixels + ' px of a 1,200 px graph) are hidden, holding ' + p.head + ' of head and ' + p.base + ' of base';
    $('view-note').textContent = note + '.';
    updateLegend();
    search($('search').value);
    renderTable();
  }

  function updateLegend() {
    var V = state.view, max = state.colorBy === 'self' ? V.maxSelf : V.maxTotal;
    $('legend-max').textContent = 'full color at ±' + points(max).replace(/^[+-]/, '') + ' ' + state.colorBy;
    $('legend-shape').textContent = state.shape;
  }

  function setShape(shape) {
    state.shape = shape;
    $('shape-head').setAttribute('aria-pressed', String(shape === 'head'));
    $('shape-base').setAttribute('aria-pressed', String(shape === 'base'));
    if (width(state.view, state.zoom) === 0) state.zoom = 0;
    $('reset').disabled = state.zoom === 0;
    renderZoomPath();
    updateLegend();
    draw();
  }

  // ---- wiring ----
  var select = $('view');
  data.views.forEach(function (v, i) {
    var o = document.createElement('option');
    o.value = String(i);
    o.textContent = v.scenario + ' · ' + v.sampleType;
    select.appendChild(o);
  });
  select.value = String(data.defaultView);
  select.disabled = data.views.length < 2;
  select.addEventListener('change', function () { selectView(Number(select.value)); });
  $('shape-head').addEventListener('click', function () { setShape('head'); });
  $('shape-base').addEventListener('click', function () { setShape('base'); });
  $('color-by').addEventListener('change', function (e) { state.colorBy = e.target.value; updateLegend(); draw(); });
  $('search').addEventListener('input', function (e) { search(e.target.value); });
  $('reset').addEventListener('click', function () { zoomTo(0); });
  $('filter').addEventListener('input', function (e) { state.filter = e.target.value; renderTable(); });
  $('more-rows').addEventListener('click', function () { state.showAll = true; renderTable(); });
  document.querySelectorAll('#functions th').forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.dataset.key;
      state.sortDir = state.sortKey === key ? -state.sortDir : (key === 'name' ? 1 : -1);
      state.sortKey = key;
      renderTable();
    });
  });
  canvas.addEventListener('mousemove', function (ev) {
    var k = hit(ev);
    canvas.style.cursor = k >= 0 ? 'pointer' : 'default';
    if (k >= 0) showTooltip(ev, k); else tooltip.hidden = true;
  });
  canvas.addEventListener('mouseleave', function () { tooltip.hidden = true; });
  canvas.addEventListener('click', function (ev) {
    var k = hit(ev);
    if (k < 0) return;
    zoomTo(k === state.zoom ? Math.max(0, state.view.parent[k]) : k);
  });
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape' && state.zoom !== 0) zoomTo(0); });
  var resizeTimer = 0;
  window.addEventListener('resize', function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(draw, 50); });

  if (data.views.length === 0) {
    $('flame-section').hidden = true;
    $('functions-section').hidden = true;
  } else {
    selectView(data.defaultView);
  }

  // A small handle for tests and the curious: where a function's widest drawn frame is, in page coordinates.
  window.profgate = {
    locate: function (name) {
      var V = state.view, best = null, r = canvas.getBoundingClientRect();
      state.drawn.forEach(function (f) {
        if (V.names[V.name[f[0]]] === name && (!best || f[2] > best.width)) best = { x: r.left + f[1], y: r.top + f[3], width: f[2], height: ROW - 1 };
      });
      return best;
    },
    state: state
  };
})();
