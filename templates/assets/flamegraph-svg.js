// Zoom for profgate's SVG flame graph: click a frame to zoom into it, "Reset zoom" to go back.
(function () {
  'use strict';
  var svg = document.documentElement;
  var area = document.getElementById('frames');
  var details = document.getElementById('details');
  var unzoom = document.getElementById('unzoom');
  var areaWidth = Number(area.getAttribute('width'));
  var charWidth = 12 * 0.59;
  var frames = Array.prototype.slice.call(area.querySelectorAll('g'));

  function info(g) {
    var rect = g.querySelector('rect');
    var title = g.querySelector('title').textContent;
    var newline = title.indexOf('\n');
    return {
      g: g, rect: rect, text: g.querySelector('text'),
      name: newline < 0 ? title : title.slice(0, newline),
      details: newline < 0 ? '' : title.slice(newline + 1),
      x: Number(rect.getAttribute('data-x')), w: Number(rect.getAttribute('data-w')), d: Number(rect.getAttribute('data-d'))
    };
  }

  function place(f, x, w) {
    f.rect.setAttribute('x', (x * 100).toFixed(4) + '%');
    f.rect.setAttribute('width', (w * 100).toFixed(4) + '%');
    f.text.setAttribute('x', (x * 100 + 0.25).toFixed(4) + '%');
    var fit = Math.floor((w * areaWidth - 6) / charWidth);
    f.text.textContent = fit < 3 ? '' : f.name.length <= fit ? f.name : f.name.slice(0, fit - 2) + '..';
  }

  function zoom(target) {
    var eps = 1e-9;
    frames.forEach(function (g) {
      var f = info(g);
      g.classList.remove('hide', 'parent');
      if (!target) { place(f, f.x, f.w); return; }
      var inside = f.x >= target.x - eps && f.x + f.w <= target.x + target.w + eps;
      if (f.d < target.d && f.x <= target.x + eps && f.x + f.w >= target.x + target.w - eps) {
        g.classList.add('parent');
        place(f, 0, 1);
      } else if (f.d >= target.d && inside && f.w / target.w * areaWidth >= 0.1) {
        place(f, (f.x - target.x) / target.w, f.w / target.w);
      } else {
        g.classList.add('hide');
      }
    });
    unzoom.classList.toggle('hide', !target);
  }

  frames.forEach(function (g) {
    g.addEventListener('click', function () { var f = info(g); zoom(f.d === 0 ? null : f); });
    g.addEventListener('mouseover', function () { var f = info(g); details.textContent = f.name + ' — ' + f.details; });
    g.addEventListener('mouseout', function () { details.textContent = ' '; });
  });
  unzoom.addEventListener('click', function () { zoom(null); });
  svg.addEventListener('keydown', function (e) { if (e.key === 'Escape') zoom(null); });
})();
